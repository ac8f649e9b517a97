# What `cmake --install` puts in the prefix: the public headers, libparley (static and
# shared, each holding the whole engine and the C API), the `parley` command, the CMake
# package `Parley` (find_package(Parley CONFIG) -> Parley::parley, Parley::parley_static)
# and the pkg-config file parley.pc.
#
# The engine is built as small static components (cmake/parley.cmake); both libraries are
# made from their object files, which are position-independent for the shared one's sake.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(parley_library_components parley_main parley_execution parley_planner
    parley_binder parley_parser parley_grammar parley_function parley_storage parley_common)
foreach(optional parley_capi parley_catalog parley_import parley_algo)
  if(TARGET ${optional})
    list(APPEND parley_library_components ${optional})
  endif()
endforeach()
set(parley_library_objects)
foreach(component ${parley_library_components})
  list(APPEND parley_library_objects $<TARGET_OBJECTS:${component}>)
endforeach()

if(NOT TARGET PkgConfig::UTF8PROC)
  pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
endif()
# What the engine's objects call into: linked privately by the shared library, and by
# whoever links the static one (ParleyConfig.cmake finds the same packages).
set(parley_library_deps ${PARLEY_ROCKSDB} antlr4_shared fmt::fmt PkgConfig::RE2
    PkgConfig::UTF8PROC Threads::Threads)

foreach(kind shared static)
  string(TOUPPER ${kind} type)
  add_library(parley_${kind} ${type} ${parley_library_objects})
  set_target_properties(parley_${kind} PROPERTIES OUTPUT_NAME parley LINKER_LANGUAGE CXX
                        EXPORT_NAME parley_${kind})
  target_include_directories(parley_${kind} INTERFACE
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_compile_features(parley_${kind} INTERFACE cxx_std_20)
endforeach()
set_target_properties(parley_shared PROPERTIES EXPORT_NAME parley
                      VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR})
target_link_libraries(parley_shared PRIVATE ${parley_library_deps})
target_link_libraries(parley_static INTERFACE ${parley_library_deps})

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/parley
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
install(TARGETS parley_shared parley_static EXPORT ParleyTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
if(TARGET parley_cli)
  install(TARGETS parley_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

set(parley_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/Parley)
install(EXPORT ParleyTargets NAMESPACE Parley:: DESTINATION ${parley_cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/ParleyConfig.cmake.in
  ${PROJECT_BINARY_DIR}/ParleyConfig.cmake INSTALL_DESTINATION ${parley_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/ParleyConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ParleyConfig.cmake
              ${PROJECT_BINARY_DIR}/ParleyConfigVersion.cmake
        DESTINATION ${parley_cmake_dir})

# parley.pc finds the prefix from its own place, so an installed tree can be moved.
set(parley_pc_dir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
file(RELATIVE_PATH PARLEY_PC_PREFIX /${parley_pc_dir} /)
string(REGEX REPLACE "/$" "" PARLEY_PC_PREFIX "${PARLEY_PC_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/parley.pc.in ${PROJECT_BINARY_DIR}/parley.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/parley.pc DESTINATION ${parley_pc_dir})
