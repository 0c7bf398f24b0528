#ifndef AGENT_ENGINE_CORE_RULES_STRING_HPP
#define AGENT_ENGINE_CORE_RULES_STRING_HPP

#include <agent_engine/core/detail/utf8.hpp>
#include <agent_engine/core/json_rule.hpp>

#include <string>
#include <string_view>

namespace agent_engine {
namespace detail {
// A str value as the model being read takes it: stripped under str_strip_whitespace.
inline std::string_view configured_str(std::string_view s, validation_context& ctx) noexcept
{
    if (!ctx.strips_whitespace())
        return s;
    std::string_view stripped = strip_whitespace(s);
    if (stripped.size() != s.size())
        ctx.note_normalized();
    return stripped;
}
} // namespace detail

template <> struct json_rule<std::string> {
    template <class Writer> static void write(Writer& w, const std::string& v) { w.string(v); }

    template <class Reader> static void read(Reader& r, std::string& out, validation_context& ctx)
    {
        if (r.kind() == boost::json::kind::string)
            out.assign(detail::configured_str(r.get_string(), ctx));
        else
            ctx.fail(error_type::string_type, [&] { return r.capture(); });
    }

    static std::string label() { return "str"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "string"}}; }
};

} // namespace agent_engine

#endif
