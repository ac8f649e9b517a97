# cmake -DSOURCE=examples -DBINARY=DIR -DPREFIX=DIR -DGENERATOR=G -DPKG_CONFIG_DIR=DIR -P this
# Configures and builds examples/ against the Parley installed in PREFIX, as an embedder
# would: CMake finds the package there, pkg-config finds parley.pc there.
set(ENV{PKG_CONFIG_PATH} ${PKG_CONFIG_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE} -B ${BINARY} -G ${GENERATOR}
                        -DCMAKE_PREFIX_PATH=${PREFIX} -DCMAKE_BUILD_TYPE=Release
                COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BINARY} COMMAND_ERROR_IS_FATAL ANY)
