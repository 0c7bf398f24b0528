#ifndef AGENT_ENGINE_CORE_RULES_PATH_HPP
#define AGENT_ENGINE_CORE_RULES_PATH_HPP

// std::filesystem::path is pydantic's Path: any string, kept as given, and
// written as Python's str(PurePosixPath) writes it ("a//b/./c/" as "a/b/c",
// "" as "."; ".." is kept). Errors: path_type (not a string); in strict mode,
// string_type in JSON mode and, for anything, is_instance_of in python mode
// (pydantic wants a Path object there). The writing is
// compiled once (src/path.cpp).

#include <agent_engine/core/rules/string.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace agent_engine {
namespace detail {

// `path` as Python's pathlib writes it on POSIX.
std::string python_path_text(std::string_view path);

} // namespace detail

template <> struct json_rule<std::filesystem::path> {
    template <class Writer> static void write(Writer& w, const std::filesystem::path& v)
    {
        w.string(detail::python_path_text(v.string()));
    }

    template <class Reader> static void read(Reader& r, std::filesystem::path& out, validation_context& ctx)
    {
        if (ctx.strict() && ctx.mode() == input_mode::python) { // wants a Path object, which JSON data never is
            ctx.fail(error_type::is_instance_of, [&] {
                return validation_context::error_details{r.capture(), {{"class", "Path"}}};
            });
        } else if (r.kind() == boost::json::kind::string) { // read as a str, so stripped as one
            out = std::filesystem::path(std::string(detail::stripped_str(r.get_string(), ctx)));
            ctx.note_read_from_json_string();
        } else { // strict JSON mode reads a str only
            ctx.fail(ctx.strict() ? error_type::string_type : error_type::path_type, [&] { return r.capture(); });
        }
    }

    static std::string label() { return "Path"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "string"}, {"format", "path"}}; }
};

} // namespace agent_engine

#endif
