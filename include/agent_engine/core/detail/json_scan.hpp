#ifndef AGENT_ENGINE_CORE_DETAIL_JSON_SCAN_HPP
#define AGENT_ENGINE_CORE_DETAIL_JSON_SCAN_HPP

// Scans over JSON text eight bytes at a time (SWAR: a 64-bit word as eight
// bytes), shared by the reader and the writer. The zero-byte trick flags a
// matching byte in each lane; a borrow or carry can only flag lanes above a real
// match, so the lowest flag is exact.

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace agent_engine::detail {

// The first byte in [p, end) that ends a plain run of string content: '"', '\\',
// a control character or a non-ASCII byte, and DEL too when `StopAtDel` (the
// writer: json.dumps's ensure_ascii escapes it).
template <bool StopAtDel>
const unsigned char* find_string_special(const unsigned char* p, const unsigned char* end) noexcept
{
    constexpr std::uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    while (end - p >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        std::uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
        std::uint64_t special =
            ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((w - ones * 0x20) & ~w) | w;
        if constexpr (StopAtDel)
            special |= w + ones; // 0x7f + 1 sets the high bit
        special &= high;
        if (special) {
            if constexpr (std::endian::native == std::endian::little)
                return p + std::countr_zero(special) / 8;
            else
                return p + std::countl_zero(special) / 8;
        }
        p += 8;
    }
    constexpr unsigned plain_below = StopAtDel ? 0x7f : 0x80;
    while (p != end && *p >= 0x20 && *p < plain_below && *p != '"' && *p != '\\')
        ++p;
    return p;
}

// The first byte in [p, end) that is not a space (indentation).
inline const char* skip_spaces(const char* p, const char* end) noexcept
{
    constexpr std::uint64_t spaces = 0x2020202020202020u;
    while (end - p >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        if (std::uint64_t other = w ^ spaces) {
            if constexpr (std::endian::native == std::endian::little)
                return p + std::countr_zero(other) / 8;
            else
                return p + std::countl_zero(other) / 8;
        }
        p += 8;
    }
    while (p != end && *p == ' ')
        ++p;
    return p;
}

// a == b for the short strings of object keys, without a call to memcmp: a word
// at a time, the last word overlapping the one before.
inline bool equal_key(std::string_view a, std::string_view b) noexcept
{
    std::size_t n = a.size();
    if (n != b.size())
        return false;
    const char* x = a.data();
    const char* y = b.data();
    auto same = [&](std::size_t at, auto word) {
        decltype(word) u, v;
        std::memcpy(&u, x + at, sizeof u);
        std::memcpy(&v, y + at, sizeof v);
        return u == v;
    };
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8)
            if (!same(i, std::uint64_t{}))
                return false;
        return same(n - 8, std::uint64_t{});
    }
    if (n >= 4)
        return same(0, std::uint32_t{}) && same(n - 4, std::uint32_t{});
    for (std::size_t i = 0; i < n; ++i)
        if (x[i] != y[i])
            return false;
    return true;
}

} // namespace agent_engine::detail

#endif
