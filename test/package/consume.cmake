# Builds and runs test/package/consumer against the library, consumed as MODE:
#   install       cmake --install into a prefix, then find_package(agent_engine CONFIG),
#                 with COMPONENTS postgres when WITH_POSTGRES (libpq was found)
#   subdirectory  add_subdirectory(<source tree>)
file(REMOVE_RECURSE ${WORK_DIR})

function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "failed: ${ARGN}\n${out}")
    endif()
endfunction()

set(consumer_args -S ${SOURCE_DIR}/test/package/consumer -B ${WORK_DIR}/consumer -DCMAKE_CXX_COMPILER=${CXX}
    -DWITH_POSTGRES=${WITH_POSTGRES})
if(MODE STREQUAL "install")
    run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/library -DCMAKE_CXX_COMPILER=${CXX}
        -DAGENT_ENGINE_BUILD_TESTS=OFF -DAGENT_ENGINE_BUILD_EXAMPLES=OFF -DCMAKE_BUILD_TYPE=Release)
    run(${CMAKE_COMMAND} --build ${WORK_DIR}/library --parallel 2)
    run(${CMAKE_COMMAND} --install ${WORK_DIR}/library --prefix ${WORK_DIR}/prefix)
    # The CLI comes with its bash completion, which completes its commands.
    set(completion ${WORK_DIR}/prefix/share/bash-completion/completions/agent-tasks)
    run(bash -c "source '${completion}' && COMP_WORDS=(agent-tasks pru) COMP_CWORD=1 && _agent_tasks && [[ \${COMPREPLY[*]} == prune ]]")
    run(${CMAKE_COMMAND} ${consumer_args} -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
else()
    run(${CMAKE_COMMAND} ${consumer_args} -DAGENT_ENGINE_SOURCE_DIR=${SOURCE_DIR})
endif()
run(${CMAKE_COMMAND} --build ${WORK_DIR}/consumer --parallel 2)
run(${WORK_DIR}/consumer/consumer)
if(WITH_POSTGRES)
    run(${WORK_DIR}/consumer/consumer_postgres ${WORK_DIR}/store)
endif()
