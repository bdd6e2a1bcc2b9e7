# Project-wide helpers: one way to declare a unit test, one way to embed SQL migrations.

find_package(GTest REQUIRED)
include(GoogleTest)

# shop_unit_test(<name> SOURCES <files...> LIBS <targets...> [LABEL integration])
# LABEL defaults to "unit"; "integration" marks tests that need real servers.
function(shop_unit_test name)
  cmake_parse_arguments(ARG "" "LABEL" "SOURCES;LIBS" ${ARGN})
  if(NOT ARG_LABEL)
    set(ARG_LABEL unit)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gmock GTest::gtest_main)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 30 PROPERTIES LABELS ${ARG_LABEL})
endfunction()

# shop_embed_migrations(<target> <dir>): compiles every <dir>/*.sql into the target as
# shop::common::db::Migration entries returned by `embedded_migrations()`, ordered by
# file name, so a binary never depends on where its SQL files were installed.
function(shop_embed_migrations target dir)
  file(GLOB sql_files CONFIGURE_DEPENDS "${dir}/*.sql")
  list(SORT sql_files)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${target}_migrations.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} "-DFILES=${sql_files}"
            -P "${PROJECT_SOURCE_DIR}/cmake/embed_migrations.cmake"
    DEPENDS ${sql_files} "${PROJECT_SOURCE_DIR}/cmake/embed_migrations.cmake"
    COMMENT "Embedding SQL migrations for ${target}")
  target_sources(${target} PRIVATE "${out}")
endfunction()
