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

# shop_embed_migrations(<target> <dir> [<dir>...]): compiles every <dir>/*.sql into the
# target as shop::common::db::Migration entries returned by `embedded_migrations()`,
# ordered by file name across all the directories, so a binary never depends on where
# its SQL files were installed. A service passes its own migrations and those of the
# libraries it uses (e.g. ${SHOP_MQ_MIGRATIONS_DIR}, named 9xx_ to sort last); the same
# file name in two directories is an error.
function(shop_embed_migrations target)
  set(keyed "")
  foreach(dir IN LISTS ARGN)
    file(GLOB found CONFIGURE_DEPENDS "${dir}/*.sql")
    foreach(file IN LISTS found)
      get_filename_component(name "${file}" NAME)
      list(APPEND keyed "${name}|${file}")
    endforeach()
  endforeach()
  list(SORT keyed)
  set(sql_files "")
  set(previous "")
  foreach(entry IN LISTS keyed)
    string(FIND "${entry}" "|" bar)
    string(SUBSTRING "${entry}" 0 ${bar} name)
    math(EXPR start "${bar} + 1")
    string(SUBSTRING "${entry}" ${start} -1 file)
    if(name STREQUAL previous)
      message(FATAL_ERROR "shop_embed_migrations(${target}): ${name} appears in two directories")
    endif()
    set(previous "${name}")
    list(APPEND sql_files "${file}")
  endforeach()
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${target}_migrations.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} "-DFILES=${sql_files}"
            -P "${PROJECT_SOURCE_DIR}/cmake/embed_migrations.cmake"
    DEPENDS ${sql_files} "${PROJECT_SOURCE_DIR}/cmake/embed_migrations.cmake"
    COMMENT "Embedding SQL migrations for ${target}"
    # Quotes the file list for the shell: its ';' separators would end the command.
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
