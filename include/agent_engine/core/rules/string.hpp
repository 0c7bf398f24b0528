#ifndef AGENT_ENGINE_CORE_RULES_STRING_HPP
#define AGENT_ENGINE_CORE_RULES_STRING_HPP

#include <agent_engine/core/detail/unicode_case.hpp>
#include <agent_engine/core/detail/utf8.hpp>
#include <agent_engine/core/json_rule.hpp>

#include <string>
#include <string_view>

namespace agent_engine {
namespace detail {
// A str value stripped under str_strip_whitespace (a Path is read as one).
// Each change is noted (validation_context::note_normalized).
inline std::string_view stripped_str(std::string_view s, validation_context& ctx) noexcept
{
    if (!ctx.str_config().strip_whitespace)
        return s;
    std::string_view stripped = strip_whitespace(s);
    if (stripped.size() != s.size())
        ctx.note_normalized();
    return stripped;
}

// str_to_lower / str_to_upper: every character, as pydantic-core changes it
// with Rust's str::to_lowercase / to_uppercase (Unicode 17.0; not Python's
// str.lower()): unicode_case.hpp, "ß" becomes "SS", the final Σ of a word "ς".
// A change is noted (validation_context::note_normalized). Not noexcept: a
// mapping that changes the string's length ("ß" to "SS") builds a new string,
// and every caller allocates anyway.
inline void apply_letter_case(std::string& s, letter_case to_case, validation_context& ctx)
{
    if (change_letter_case(s, to_case))
        ctx.note_normalized();
}

// A str as the model being read takes it, in pydantic's order: stripped, then
// its length checked against str_min_length / str_max_length, then its case
// changed. False, with string_too_short / string_too_long reported (with the
// value given), when the length is out of bounds.
inline bool read_configured_str(std::string_view s, std::string& out, validation_context& ctx)
{
    auto const& config = ctx.str_config();
    std::string_view given = s; // an error shows it, as pydantic's does
    s = stripped_str(s, ctx);
    if (config.bounds_length()) {
        std::size_t length = code_points(s);
        bool too_short = length < config.min_length;
        if (too_short || length > config.max_length) {
            ctx.fail(too_short ? error_type::string_too_short : error_type::string_too_long, [&] {
                return validation_context::error_details{
                    boost::json::string(given),
                    {{too_short ? "min_length" : "max_length", too_short ? config.min_length : config.max_length}}};
            });
            return false;
        }
    }
    // not assign(): `s` is never part of `out`, and append() skips that check
    out.clear();
    out.append(s);
    apply_letter_case(out, ctx.str_config().to_case, ctx);
    return true;
}

// The same without length bounds: a key of a dict of Any (doc/schemas.md).
inline std::string configured_str(std::string_view s, validation_context& ctx)
{
    std::string out(stripped_str(s, ctx));
    apply_letter_case(out, ctx.str_config().to_case, ctx);
    return out;
}
} // namespace detail

template <> struct json_rule<std::string> {
    template <class Writer> static void write(Writer& w, const std::string& v) { w.string(v); }

    template <class Reader> static void read(Reader& r, std::string& out, validation_context& ctx)
    {
        if (r.kind() == boost::json::kind::string) {
            detail::read_configured_str(r.get_string(), out, ctx);
            ctx.note_read_from_json_string();
        } else
            ctx.fail(error_type::string_type, [&] { return r.capture(); });
    }

    static std::string label() { return "str"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "string"}}; }
};

} // namespace agent_engine

#endif
