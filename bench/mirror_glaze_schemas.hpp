#ifndef AGENT_ENGINE_BENCH_MIRROR_GLAZE_SCHEMAS_HPP
#define AGENT_ENGINE_BENCH_MIRROR_GLAZE_SCHEMAS_HPP

// glaze's mirror of the Task schemas: mirror_schemas.inc with glaze's generic JSON
// for `output` and the metadata objects; glaze reflects the structs itself, and
// names the enumerators from their Boost.Describe descriptions (mirror_enums.inc).
// C++23 only: included by mirror_glaze.cpp and compile_time/glaze_json.cpp.

#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <glaze/glaze.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mirror_glaze {
#define MIRROR_ANY glz::json_t
#define MIRROR_OBJECT glz::json_t::object_t
#include "mirror_schemas.inc"
#undef MIRROR_ANY
#undef MIRROR_OBJECT
#include "mirror_enums.inc"
} // namespace mirror_glaze

template <class E>
    requires boost::describe::has_describe_enumerators<E>::value
struct glz::meta<E> {
    static constexpr auto value = []<template <class...> class L, class... D>(L<D...>) {
        return glz::enumerate(D::value...);
    }(boost::describe::describe_enumerators<E>{});
};

#endif
