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
// reads; those bytes do not round-trip.
//
// agent_engine::base64_bytes and base64url_bytes are a std::vector<std::byte> that
// stands for pydantic's Base64Bytes and Base64UrlBytes: written as padded base64
// text ('+' '/' or '-' '_'), read as Python's b64decode / urlsafe_b64decode read it
// (detail/base64.hpp); text that is no base64 is pydantic's `base64_decode`
// ("Base64 decoding error: 'Incorrect padding'", ctx `error`). A non-string, and
// any string in strict python mode, are `bytes_type`, as for bytes. JSON Schema: a
// string of format "base64" / "base64url". They are types, not a setting (pydantic's
// ser_json_bytes='base64'), as every other JSON form here comes from a type.

#include <agent_engine/core/detail/base64.hpp>
#include <agent_engine/core/detail/utf8.hpp>
#include <agent_engine/core/json_rule.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace agent_engine {

// pydantic's Base64Bytes (standard) or Base64UrlBytes (url): bytes written as base64 (see above).
template <base64_alphabet Alphabet> class base64_encoded : public std::vector<std::byte> {
public:
    using std::vector<std::byte>::vector;
};
using base64_bytes = base64_encoded<base64_alphabet::standard>;
using base64url_bytes = base64_encoded<base64_alphabet::url>;

namespace detail {

template <class V> inline constexpr bool is_bytes_v = std::is_same_v<V, std::vector<std::byte>>;
template <class V> inline constexpr bool is_base64_v = false;
template <base64_alphabet A> inline constexpr bool is_base64_v<base64_encoded<A>> = true;

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

// The text bytes are read from: a string, and no Python str in strict python
// mode (pydantic wants bytes there); else `bytes_type` and nothing.
template <class Reader> std::optional<std::string_view> bytes_text(Reader& r, validation_context& ctx)
{
    bool refused_str = ctx.strict() && ctx.mode() == input_mode::python;
    if (r.kind() != boost::json::kind::string || refused_str) {
        ctx.fail(error_type::bytes_type, [&] { return r.capture(); });
        return std::nullopt;
    }
    ctx.note_read_from_json_string();
    return r.get_string();
}

} // namespace detail

template <> struct json_rule<std::vector<std::byte>> {
    template <class Writer> static void write(Writer& w, const std::vector<std::byte>& v)
    {
        w.string(detail::utf8_text_of(detail::as_chars(v)));
    }

    template <class Reader> static void read(Reader& r, std::vector<std::byte>& out, validation_context& ctx)
    {
        std::optional<std::string_view> s = detail::bytes_text(r, ctx);
        if (!s)
            return;
        auto const* first = reinterpret_cast<const std::byte*>(s->data());
        out.assign(first, first + s->size());
    }

    static std::string label() { return "bytes"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "string"}, {"format", "binary"}}; }
};

template <base64_alphabet Alphabet> struct json_rule<base64_encoded<Alphabet>> {
    template <class Writer> static void write(Writer& w, const base64_encoded<Alphabet>& v)
    {
        w.string(detail::base64_encode(detail::as_chars(v), Alphabet));
    }

    template <class Reader> static void read(Reader& r, base64_encoded<Alphabet>& out, validation_context& ctx)
    {
        std::optional<std::string_view> s = detail::bytes_text(r, ctx);
        if (!s)
            return;
        std::string why = detail::base64_decode(*s, Alphabet, out);
        if (!why.empty()) {
            ctx.fail("base64_decode", [&] {
                return validation_context::error_parts{"Base64 decoding error: '" + why + "'",
                                                       boost::json::string(*s), {{"error", why}}};
            });
        }
    }

    // pydantic's title for its validator: the decoding function after bytes'
    static std::string label() { return "function-after[decode(), bytes]"; }
    static boost::json::value schema(schema_builder&)
    {
        return {{"type", "string"}, {"format", Alphabet == base64_alphabet::standard ? "base64" : "base64url"}};
    }
};

} // namespace agent_engine

#endif
