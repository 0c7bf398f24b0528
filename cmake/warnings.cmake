# agent_engine_warnings(target): the project's warning set, on its own targets only.
function(agent_engine_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(AGENT_ENGINE_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
