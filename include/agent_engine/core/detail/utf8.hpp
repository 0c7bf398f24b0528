#ifndef AGENT_ENGINE_CORE_DETAIL_UTF8_HPP
#define AGENT_ENGINE_CORE_DETAIL_UTF8_HPP

// What counts as well-formed UTF-8, decided once for the reader (which rejects
// anything else), the writer (which escapes it as \uXXXX) and the id checks.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace agent_engine::detail {

// Length of the well-formed UTF-8 sequence at s[i] (a lead byte >= 0x80), or 0:
// truncated sequences, overlong forms, UTF-16 surrogates and code points above
// U+10FFFF are not well-formed.
constexpr std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept
{
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    std::size_t len = c >= 0xF5 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || len > s.size() - i)
        return 0;
    for (std::size_t k = 1; k < len; ++k)
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
    unsigned char next = byte(i + 1);
    if ((c == 0xE0 && next < 0xA0) || (c == 0xED && next >= 0xA0) || (c == 0xF0 && next < 0x90) ||
        (c == 0xF4 && next >= 0x90))
        return 0;
    return len;
}

// The code point of the well-formed sequence of `len` bytes at s[i].
constexpr unsigned utf8_code_point(std::string_view s, std::size_t i, std::size_t len) noexcept
{
    unsigned cp = static_cast<unsigned char>(s[i]) & (0x7Fu >> len);
    for (std::size_t k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    return cp;
}

// The length of the whitespace character at s[i], or 0: Unicode's White_Space
// characters, those Rust's str::trim (and so pydantic's str_strip_whitespace)
// strips: \t \n \v \f \r, space, U+0085, U+00A0, U+1680, U+2000..U+200A,
// U+2028, U+2029, U+202F, U+205F, U+3000.
constexpr std::size_t whitespace_length(std::string_view s, std::size_t i) noexcept
{
    auto byte = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    unsigned c = byte(0);
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return 1;
    if (c == 0xC2)
        return byte(1) == 0x85 || byte(1) == 0xA0 ? 2 : 0;
    if (c == 0xE1)
        return byte(1) == 0x9A && byte(2) == 0x80 ? 3 : 0;
    if (c == 0xE3)
        return byte(1) == 0x80 && byte(2) == 0x80 ? 3 : 0;
    if (c != 0xE2)
        return 0;
    unsigned b1 = byte(1), b2 = byte(2);
    bool space = (b1 == 0x80 && (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)) || (b1 == 0x81 && b2 == 0x9F);
    return space && b2 >= 0x80 ? 3 : 0;
}

// `s` without its leading and trailing whitespace (whitespace_length). A string
// whose ends are neither ASCII whitespace nor part of a multi-byte character,
// nearly every one, costs two byte tests.
constexpr std::string_view strip_whitespace(std::string_view s) noexcept
{
    auto may_be_space = [](char c) { return static_cast<unsigned char>(c) <= ' ' || static_cast<unsigned char>(c) >= 0x80; };
    if (s.empty() || (!may_be_space(s.front()) && !may_be_space(s.back())))
        return s;
    std::size_t begin = 0, end = s.size();
    while (std::size_t n = begin < end ? whitespace_length(s.substr(0, end), begin) : 0)
        begin += n;
    // A character ending at `end` starts 1, 2 or 3 bytes before it (well-formed UTF-8).
    auto ending_at = [&](std::size_t e) -> std::size_t {
        for (std::size_t n = 1; n <= 3 && n <= e - begin; ++n)
            if (whitespace_length(s.substr(0, e), e - n) == n)
                return n;
        return 0;
    };
    while (std::size_t n = end > begin ? ending_at(end) : 0)
        end -= n;
    return s.substr(begin, end - begin);
}

// pydantic counts a string's length in characters (code points), as len() does.
constexpr std::size_t code_points(std::string_view s) noexcept
{
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

// The UTF-8 form of `cp` (a scalar value) at `out`, which has room for 4 bytes;
// its length.
constexpr std::size_t encode_utf8(std::uint32_t cp, char* out) noexcept
{
    if (cp < 0x80) {
        out[0] = static_cast<char>(cp);
        return 1;
    }
    if (cp < 0x800) {
        out[0] = static_cast<char>(0xC0 | (cp >> 6));
        out[1] = static_cast<char>(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = static_cast<char>(0xE0 | (cp >> 12));
        out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out[2] = static_cast<char>(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = static_cast<char>(0xF0 | (cp >> 18));
    out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (cp & 0x3F));
    return 4;
}

// The UTF-8 form of `cp` appended to `out`.
inline void append_utf8(std::string& out, unsigned cp)
{
    char bytes[4];
    out.append(bytes, encode_utf8(cp, bytes));
}

} // namespace agent_engine::detail

#endif
