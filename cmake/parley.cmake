# Helpers that keep per-component CMakeLists.txt files to a few declarative lines.
#
#   parley_component(NAME SOURCES ... [DEPS ...] [PUBLIC_DEPS ...])
#     A static library `parley_NAME`. DEPS are linked privately; PUBLIC_DEPS are
#     propagated to dependents. Every component sees the project root and
#     include/ on its include path, so headers are included as
#     "engine/storage/graph_store.h" or <parley/value.h>.
#   parley_test(NAME SOURCES ... DEPS ...)
#     A GoogleTest executable registered with CTest through gtest_discover_tests.
#   parley_bench(NAME SOURCES ... DEPS ...)
#     A Google Benchmark executable (built only with PARLEY_BUILD_BENCH).

function(parley_component name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PUBLIC_DEPS" ${ARGN})
  add_library(parley_${name} STATIC ${ARG_SOURCES})
  target_include_directories(parley_${name} PUBLIC ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/include)
  target_link_libraries(parley_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_DEPS})
  target_compile_options(parley_${name} PRIVATE ${PARLEY_WARNINGS})
endfunction()

function(parley_test name)
  if(NOT PARLEY_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/include)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  target_compile_options(${name} PRIVATE ${PARLEY_WARNINGS})
  target_compile_definitions(${name} PRIVATE
    PARLEY_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    PARLEY_BINARY_DIR="${PROJECT_BINARY_DIR}"
    PARLEY_SHARED_DIR="${PARLEY_SHARED_DIR}")
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 600)
  endif()
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT ${ARG_TIMEOUT})
endfunction()

function(parley_bench name)
  if(NOT PARLEY_BUILD_BENCH)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/include)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} benchmark::benchmark)
  target_compile_options(${name} PRIVATE ${PARLEY_WARNINGS})
  target_compile_definitions(${name} PRIVATE PARLEY_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    PARLEY_SHARED_DIR="${PARLEY_SHARED_DIR}")
endfunction()
