#ifndef AGENT_ENGINE_CORE_DETAIL_UNICODE_CASE_MAPPING_HPP
#define AGENT_ENGINE_CORE_DETAIL_UNICODE_CASE_MAPPING_HPP

// What str_to_lower / str_to_upper make of one code point, and what the final
// sigma sees in it (unicode_case.hpp), from the tables of unicode_case_table.hpp.
// For src/unicode_case.cpp and the tests: a reading TU does not need them.

#include <agent_engine/core/detail/str_config.hpp>
#include <agent_engine/core/detail/unicode_case_table.hpp>
#include <agent_engine/core/detail/utf8.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace agent_engine::detail {

// The run of `runs` (ascending, disjoint) that holds `cp`, or null.
template <std::size_t N>
constexpr const case_run* find_case_run(const case_run (&runs)[N], std::uint32_t cp) noexcept
{
    std::size_t lo = 0, hi = N; // the first run whose last >= cp is in [lo, hi]
    while (lo < hi) {
        std::size_t mid = lo + (hi - lo) / 2;
        if (runs[mid].last < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < N && runs[lo].first <= cp ? &runs[lo] : nullptr;
}

// What a code point becomes: one, two or three code points.
struct case_mapping {
    std::uint32_t to[3];
    std::size_t size;
};

// What pydantic's lowering or upper-casing makes of cp alone: `to_case` is lower
// or upper. Σ alone becomes σ; change_letter_case gives it its context.
constexpr case_mapping mapped_case(std::uint32_t cp, letter_case to_case) noexcept
{
    bool lower = to_case == letter_case::lower;
    const case_run* run = lower ? find_case_run(lower_case_runs, cp) : find_case_run(upper_case_runs, cp);
    if (run == nullptr || (run->kind == case_run_kind::every_other && (cp - run->first) % 2 != 0))
        return {{cp, 0, 0}, 1};
    if (run->kind == case_run_kind::expands) {
        const case_expansion* expansions = lower ? lower_case_expansions : upper_case_expansions;
        const case_expansion& e = expansions[static_cast<std::size_t>(run->delta) + (cp - run->first)];
        return {{e.to[0], e.to[1], e.to[2]}, e.to[2] != 0 ? 3u : 2u};
    }
    return {{static_cast<std::uint32_t>(static_cast<std::int32_t>(cp) + run->delta), 0, 0}, 1};
}

// What the final sigma sees in `cp`: cased, case-ignorable or neither.
constexpr case_context case_context_of(std::uint32_t cp) noexcept
{
    if (cp < 0x80 && ((cp | 0x20) - 'a') < 26)
        return case_context::cased;
    // The last start <= cp: the entries are (first << 2) | context, ascending.
    std::uint32_t key = cp << 2 | 3;
    std::size_t lo = 0, hi = std::size(case_context_starts); // the first entry above key is in [lo, hi]
    while (lo < hi) {
        std::size_t mid = lo + (hi - lo) / 2;
        if (case_context_starts[mid] <= key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return static_cast<case_context>(case_context_starts[lo - 1] & 3); // entry 0 starts at U+0000
}

// The code point at s[i] and its length in bytes; length 0 for a byte that
// starts no well-formed sequence (which the callers keep as it is).
struct case_code_point {
    std::uint32_t cp;
    std::size_t length;
};
constexpr case_code_point case_code_point_at(std::string_view s, std::size_t i) noexcept
{
    auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80)
        return {byte, 1};
    std::size_t length = utf8_sequence_length(s, i);
    return {length != 0 ? utf8_code_point(s, i, length) : byte, length};
}

// Whether, skipping case-ignorable code points, a cased one starts at s[i] or after.
constexpr bool cased_follows(std::string_view s, std::size_t i) noexcept
{
    while (i < s.size()) {
        auto [cp, length] = case_code_point_at(s, i);
        case_context context = length != 0 ? case_context_of(cp) : case_context::other;
        if (context != case_context::ignorable)
            return context == case_context::cased;
        i += length;
    }
    return false;
}

} // namespace agent_engine::detail

#endif
