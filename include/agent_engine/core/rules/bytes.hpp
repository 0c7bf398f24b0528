#ifndef AGENT_ENGINE_CORE_RULES_BYTES_HPP
#define AGENT_ENGINE_CORE_RULES_BYTES_HPP

// std::vector<std::byte> is pydantic's bytes, in its default JSON form
// (ser_json_bytes='utf8', val_json_bytes='utf8'): a JSON string whose UTF-8 text
// is the bytes. Any string is read (in strict python mode none is: a str is no
// bytes, `bytes_type`); anything else is `bytes_type`. JSON Schema: a string of
// format "binary"; min_length/max_length count bytes (`bytes_too_short`/`_long`).
//
// Bytes that are not UTF-8 have no such string: pydantic's model_dump_json
// raises on them, while writing here cannot fail. Each byte that starts no
// well-formed UTF-8 sequence is written as U+FFFD (as the text writer writes
// such a byte of a std::string; Python's decode(errors='replace') writes one for
// a whole truncated sequence), so the output stays valid JSON that pydantic
// reads; those bytes do not round-trip. pydantic's base64 form is not offered yet.

#include <agent_engine/core/detail/utf8.hpp>
#include <agent_engine/core/json_rule.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace agent_engine {
namespace detail {

template <class V> inline constexpr bool is_bytes_v = std::is_same_v<V, std::vector<std::byte>>;

inline std::string_view as_chars(const std::vector<std::byte>& v) noexcept
{
    return {reinterpret_cast<const char*>(v.data()), v.size()};
}

// The bytes as UTF-8 text, each byte that starts no well-formed sequence replaced by U+FFFD.
inline std::string utf8_text_of(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            out += s[i++];
        } else if (std::size_t len = utf8_sequence_length(s, i)) {
            out.append(s.substr(i, len));
            i += len;
        } else {
            out += "\xEF\xBF\xBD"; // U+FFFD
            ++i;
        }
    }
    return out;
}

} // namespace detail

template <> struct json_rule<std::vector<std::byte>> {
    template <class Writer> static void write(Writer& w, const std::vector<std::byte>& v)
    {
        w.string(detail::utf8_text_of(detail::as_chars(v)));
    }

    template <class Reader> static void read(Reader& r, std::vector<std::byte>& out, validation_context& ctx)
    {
        // JSON holds no bytes but strings; a Python str is no bytes in strict mode.
        bool refused_str = ctx.strict() && ctx.mode() == input_mode::python;
        if (r.kind() != boost::json::kind::string || refused_str) {
            ctx.fail(error_type::bytes_type, [&] { return r.capture(); });
            return;
        }
        std::string_view s = r.get_string();
        ctx.note_read_from_json_string();
        auto const* first = reinterpret_cast<const std::byte*>(s.data());
        out.assign(first, first + s.size());
    }

    static std::string label() { return "bytes"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "string"}, {"format", "binary"}}; }
};

} // namespace agent_engine

#endif
