// glaze's mirror of the Task schemas: mirror_schemas.inc with glaze's generic JSON
// for `output` and the metadata objects; glaze reflects the structs itself, and
// names the enumerators from their Boost.Describe descriptions (mirror_enums.inc).
// Compiled as C++23 (see mirror_glaze.hpp).

#include "mirror_glaze.hpp"

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

namespace mirror_glaze {

void task_deleter::operator()(Task* task) const noexcept { delete task; }

task_ptr read(const std::string& text, std::string& error)
{
    task_ptr task(new Task{});
    if (auto ec = glz::read_json(*task, text)) {
        error = glz::format_error(ec, text);
        task.reset();
    }
    return task;
}

bool read_discard(const std::string& text)
{
    Task task{};
    return !glz::read_json(task, text);
}

std::string write(const Task& task, bool skip_null)
{
    std::string out;
    auto ec = skip_null ? glz::write<glz::opts{.skip_null_members = true}>(task, out)
                        : glz::write<glz::opts{.skip_null_members = false}>(task, out);
    if (ec)
        out.clear();
    return out;
}

} // namespace mirror_glaze
