#ifndef AGENT_ENGINE_CORE_DETAIL_TIME_TEXT_HPP
#define AGENT_ENGINE_CORE_DETAIL_TIME_TEXT_HPP

// The grammars of pydantic's `time` and `timedelta` (speedate 0.17, as pydantic
// 2.13 uses it), with its error reasons, and the texts pydantic writes for
// them. Compiled once, in src/time_text.cpp; the rules are rules/time_of_day.hpp
// and rules/duration.hpp.

#include <agent_engine/core/detail/micros.hpp>
#include <agent_engine/core/error_type.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace agent_engine::detail {

// A timedelta read: its sign, and its size in whole seconds and microseconds.
struct timedelta_read {
    bool ok = false;
    bool negative = false;
    std::int64_t seconds = 0; // up to 999,999,999 days and 86,399 seconds
    std::int32_t micros = 0;  // 0 to 999,999
    error_type type = error_type::time_delta_parsing;
    const char* reason = nullptr; // ctx "error", when !ok
};

// A duration as pydantic reads it (lax mode): ISO 8601 ("P1DT2H", "-PT0.5S"),
// "[-]D day[s][,] HH:MM[:SS[.f]]", "[-]HH:MM[:SS[.f]]" (hours past 23 allowed).
timedelta_read read_timedelta(std::string_view text) noexcept;
// A number of seconds.
timedelta_read read_timedelta(std::int64_t seconds) noexcept;
timedelta_read read_timedelta(double seconds) noexcept;
// `micros` (signed) as pydantic writes a timedelta: "P1Y35DT1H2M3.5S", "-PT0.000001S", "PT0S".
void append_timedelta(std::string& out, int128 micros);

// A time of day read: microseconds since midnight and the offset, if any.
struct time_read {
    bool ok = false;
    std::int64_t micros = 0;
    std::optional<std::int32_t> offset_seconds; // east of UTC
    error_type type = error_type::time_parsing;
    const char* reason = nullptr; // ctx "error", when !ok
};
// "HH:MM[:SS[(.|,)f]]" with an optional `Z` or ±HH[:]MM, as pydantic's time reads it.
time_read read_time_of_day(std::string_view text) noexcept;
// Seconds since midnight (lax mode): UTC, as pydantic gives it (`Z`).
time_read read_time_of_day(std::int64_t seconds) noexcept;
time_read read_time_of_day(double seconds) noexcept;
// "HH:MM:SS", ".ffffff" when there is a fraction, then `Z` or ±HH:MM when there is an offset.
void append_time_of_day(std::string& out, std::int64_t micros, std::optional<std::int32_t> offset_seconds);

} // namespace agent_engine::detail

#endif
