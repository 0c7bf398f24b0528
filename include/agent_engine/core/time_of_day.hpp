#ifndef AGENT_ENGINE_CORE_TIME_OF_DAY_HPP
#define AGENT_ENGINE_CORE_TIME_OF_DAY_HPP

// agent_engine::time_of_day: a time of day, pydantic's `time` (rules/time_of_day.hpp).
// Not std::chrono::hh_mm_ss: that type cannot be assigned, and it holds no
// offset, which pydantic's time may carry ("12:30:00+01:00", and `Z` on a
// time read from a number of seconds); a plain struct reads into place like
// any member and compares with ==.

#include <chrono>
#include <optional>

namespace agent_engine {

struct time_of_day {
    time_of_day() = default;
    constexpr time_of_day(std::chrono::microseconds since_midnight_,
                          std::optional<std::chrono::seconds> utc_offset_ = std::nullopt) noexcept
        : since_midnight(since_midnight_), utc_offset(utc_offset_)
    {
    }

    // Since midnight, in [0, 24 h): microseconds, Python's resolution.
    std::chrono::microseconds since_midnight{0};
    // East of UTC; empty for a naive time (pydantic's time without tzinfo).
    std::optional<std::chrono::seconds> utc_offset;

    friend bool operator==(const time_of_day&, const time_of_day&) = default;
};

} // namespace agent_engine

#endif
