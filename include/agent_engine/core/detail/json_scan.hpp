#ifndef AGENT_ENGINE_CORE_DETAIL_JSON_SCAN_HPP
#define AGENT_ENGINE_CORE_DETAIL_JSON_SCAN_HPP

// Scans over JSON text eight bytes at a time (SWAR: a 64-bit word as eight
// bytes), or sixteen with SSE2, shared by the reader and the writer. The
// zero-byte trick flags a matching byte in each lane; a borrow or carry can only
// flag lanes above a real match, so the lowest flag is exact: words are taken in
// lane order (byte i of memory in lane i, bits 8i to 8i+7) on either byte order,
// so that "above" is "later in the text".

#include <boost/config.hpp>

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace agent_engine::detail {

// The lanes of `w` that end a plain run of string content: '"', '\\', a control
// character or a non-ASCII byte, and DEL too when `StopAtDel` (the writer:
// json.dumps's ensure_ascii escapes it). Each flagged lane has its high bit set.
template <bool StopAtDel> constexpr std::uint64_t string_special_lanes(std::uint64_t w) noexcept
{
    constexpr std::uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    std::uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
    std::uint64_t special = ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((w - ones * 0x20) & ~w) | w;
    if constexpr (StopAtDel)
        special |= w + ones; // 0x7f + 1 sets the high bit
    return special & high;
}

// A word copied from memory, in lane order: as it is on a little-endian machine,
// byte-swapped on a big-endian one.
template <class Word> constexpr Word in_lane_order(Word w) noexcept
{
    if constexpr (std::endian::native == std::endian::big) {
        Word swapped = 0;
        for (std::size_t i = 0; i < sizeof(Word); ++i)
            swapped = static_cast<Word>(swapped << 8 | ((w >> (8 * i)) & 0xff));
        return swapped;
    }
    return w;
}

// The lowest flagged lane: the offset of the first flagged byte.
inline unsigned first_lane(std::uint64_t lanes) noexcept
{
    return static_cast<unsigned>(std::countr_zero(lanes)) / 8;
}

#if defined(__SSE2__)
// The same test on 16 bytes at once, where SSE2 is there (every x86-64): bit i
// of the result flags byte i.
template <bool StopAtDel> inline unsigned string_special_bits(__m128i v) noexcept
{
    __m128i special = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
    // a signed comparison: below 0x20, and every byte from 0x80 up
    special = _mm_or_si128(special, _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));
    if constexpr (StopAtDel)
        special = _mm_or_si128(special, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)));
    return static_cast<unsigned>(_mm_movemask_epi8(special));
}
#endif

// The first byte in [p, end) that ends a plain run of string content (see
// string_special_lanes).
template <bool StopAtDel>
const unsigned char* find_string_special(const unsigned char* p, const unsigned char* end) noexcept
{
#if defined(__SSE2__)
    for (; end - p >= 16; p += 16) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        if (unsigned special = string_special_bits<StopAtDel>(v))
            return p + std::countr_zero(special);
    }
#endif
    while (end - p >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        if (std::uint64_t special = string_special_lanes<StopAtDel>(in_lane_order(w)))
            return p + first_lane(special);
        p += 8;
    }
    constexpr unsigned plain_below = StopAtDel ? 0x7f : 0x80;
    while (p != end && *p >= 0x20 && *p < plain_below && *p != '"' && *p != '\\')
        ++p;
    return p;
}

// Whether `s` is one plain run: printable ASCII, no '"' or '\\'. Such a string
// is written as is (a schema's member names, checked when it compiles).
constexpr bool is_plain_string(std::string_view s) noexcept
{
    for (char c : s)
        if (c < 0x20 || c > 0x7e || c == '"' || c == '\\')
            return false;
    return true;
}

// Copies [p, end) to `out` and returns where its plain run ends (as
// find_string_special). Bytes are copied a block at a time, with no call to
// memcpy and no read or write outside [p, end) and its copy: the last block of
// a run overlaps the one before (its bytes there were plain), a run under a
// block is read as two overlapping halves, one under 4 bytes byte by byte.
// `out` needs room for end - p bytes; what it holds past the plain run is the
// input's bytes, for the caller to overwrite.
template <bool StopAtDel>
BOOST_FORCEINLINE const unsigned char* copy_string_run(const unsigned char* p, const unsigned char* end, unsigned char* out) noexcept
{
    auto n = static_cast<std::size_t>(end - p);
#if defined(__SSE2__)
    // Blocks of 16, the last one ending at `end`: one test per block, none per byte.
    auto block = [&](std::size_t at) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + at), v);
        return string_special_bits<StopAtDel>(v);
    };
    if (n >= 16) {
        for (std::size_t at = 0; at + 16 < n; at += 16)
            if (unsigned special = block(at))
                return p + at + std::countr_zero(special);
        if (unsigned special = block(n - 16))
            return end - 16 + std::countr_zero(special);
        return end;
    }
    if (n >= 8) {
        // lanes 0-7 are p[0..7], lanes 8-15 are end[-8..-1]
        __m128i low = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p));
        __m128i high = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(end - 8));
        _mm_storel_epi64(reinterpret_cast<__m128i*>(out), low);
        _mm_storel_epi64(reinterpret_cast<__m128i*>(out + n - 8), high);
        unsigned special = string_special_bits<StopAtDel>(_mm_unpacklo_epi64(low, high));
        if (!special)
            return end;
        auto lane = static_cast<unsigned>(std::countr_zero(special));
        return lane < 8 ? p + lane : end - 16 + lane;
    }
#else
    auto word = [&](std::size_t at) {
        std::uint64_t w;
        std::memcpy(&w, p + at, 8);
        std::memcpy(out + at, &w, 8);
        return string_special_lanes<StopAtDel>(in_lane_order(w));
    };
    if (n >= 8) {
        for (std::size_t at = 0; at + 8 < n; at += 8)
            if (std::uint64_t special = word(at))
                return p + at + first_lane(special);
        if (std::uint64_t special = word(n - 8))
            return end - 8 + first_lane(special);
        return end;
    }
#endif
    if (n >= 4) {
        std::uint32_t low, high;
        std::memcpy(&low, p, 4);
        std::memcpy(&high, end - 4, 4);
        std::memcpy(out, &low, 4);
        std::memcpy(out + n - 4, &high, 4);
        // lanes 0-3 are p[0..3], lanes 4-7 are end[-4..-1]
        std::uint64_t special =
            string_special_lanes<StopAtDel>(in_lane_order(low) | std::uint64_t{in_lane_order(high)} << 32);
        if (!special)
            return end;
        unsigned lane = first_lane(special);
        return lane < 4 ? p + lane : end - 8 + lane;
    }
    // byte by byte, with no call: the writer's string path then needs no frame
    constexpr unsigned plain_below = StopAtDel ? 0x7f : 0x80;
    for (; p != end; ++p, ++out) {
        *out = *p;
        if (*p < 0x20 || *p >= plain_below || *p == '"' || *p == '\\')
            return p;
    }
    return end;
}

// Pretty text's line break and indentation in one step, with no loop: where the
// next token starts if [p, end) starts with '\n', up to 15 spaces and a byte
// from '!' to DEL (a token's first byte); else p, and the caller's loop skips it.
inline const char* skip_indented_line(const char* p, const char* end) noexcept
{
#if defined(__SSE2__)
    if (end - p >= 17 && *p == '\n') {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
        auto spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
        // bytes 0x21-0x7f (a signed comparison): both masks from the one load,
        // rather than a second load at an address the first decides
        auto token = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_set1_epi8(' '))));
        unsigned first_other = (spaces + 1) & ~spaces; // bit 16 when all 16 are spaces
        if (token & first_other)
            return p + 1 + std::countr_zero(first_other);
    }
#else
    (void)end;
#endif
    return p;
}

// The first byte in [p, end) that is not a space (indentation).
inline const char* skip_spaces(const char* p, const char* end) noexcept
{
    constexpr std::uint64_t spaces = 0x2020202020202020u;
    while (end - p >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        if (std::uint64_t other = in_lane_order(w) ^ spaces)
            return p + first_lane(other);
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
