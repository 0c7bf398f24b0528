#ifndef AGENT_ENGINE_CORE_DETAIL_UTF8_HPP
#define AGENT_ENGINE_CORE_DETAIL_UTF8_HPP

// What counts as well-formed UTF-8, decided once for the reader (which rejects
// anything else), the writer (which escapes it as \uXXXX) and the id checks.

#include <cstddef>
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

inline void append_utf8(std::string& out, unsigned cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

} // namespace agent_engine::detail

#endif
