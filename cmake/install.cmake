# `cmake --install` lays out a CMake package: find_package(agent_engine CONFIG)
# then gives agent_engine::agent_engine with its Boost dependencies.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS agent_engine EXPORT agent_engine-targets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/agent_engine DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(AGENT_ENGINE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/agent_engine)
install(EXPORT agent_engine-targets NAMESPACE agent_engine:: DESTINATION ${AGENT_ENGINE_CMAKE_DIR})
configure_package_config_file(cmake/agent_engine-config.cmake.in
    ${PROJECT_BINARY_DIR}/agent_engine-config.cmake
    INSTALL_DESTINATION ${AGENT_ENGINE_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/agent_engine-config-version.cmake
    COMPATIBILITY SameMinorVersion)
if(TARGET agent_engine_postgres)
    # Its own export set: find_package loads it only when libpq is there too.
    install(TARGETS agent_engine_postgres EXPORT agent_engine-postgres-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    install(EXPORT agent_engine-postgres-targets NAMESPACE agent_engine:: DESTINATION ${AGENT_ENGINE_CMAKE_DIR})
endif()
install(FILES
    ${PROJECT_BINARY_DIR}/agent_engine-config.cmake
    ${PROJECT_BINARY_DIR}/agent_engine-config-version.cmake
    DESTINATION ${AGENT_ENGINE_CMAKE_DIR})
