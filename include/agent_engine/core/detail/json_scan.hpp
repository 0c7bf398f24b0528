#ifndef AGENT_ENGINE_CORE_DETAIL_JSON_SCAN_HPP
#define AGENT_ENGINE_CORE_DETAIL_JSON_SCAN_HPP

// Scans over JSON text eight bytes at a time (SWAR: a 64-bit word as eight
// bytes), shared by the reader and the writer. The zero-byte trick flags a
// matching byte in each lane; a borrow or carry can only flag lanes above a real
// match, so the lowest flag is exact.

#include <bit>
#include <cstdint>
#include <cstring>

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

} // namespace agent_engine::detail

#endif
