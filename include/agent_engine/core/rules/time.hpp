#ifndef AGENT_ENGINE_CORE_RULES_TIME_HPP
#define AGENT_ENGINE_CORE_RULES_TIME_HPP

// std::chrono::sys_time<Duration> (system_clock::time_point, sys_seconds, ...)
// is pydantic's AwareDatetime, held in UTC. Written as pydantic writes a UTC
// datetime: "2025-12-06T02:45:18Z", with ".ffffff" when there is a fraction
// of a second (microseconds: a finer time point is floored). Read from a
// date-time with `Z` or an offset ("2025-12-06T02:45Z", "...+01:00",
// "...+0100"), turned into UTC, or from a Unix time (a number, or digits in a
// string; past 2e10 it counts milliseconds), as pydantic in lax mode; a time
// coarser than a microsecond is floored to it. Errors: datetime_type (not a
// string or number), datetime_from_date_parsing, timezone_aware,
// datetime_parsing (a Unix time out of range, year 0, or a time the C++ type
// cannot hold). Strict mode (pydantic's): python mode wants a datetime object
// and refuses every input (datetime_type); JSON mode refuses a number
// (datetime_type) and judges a string as a date-time only: "2025-12-06" is
// datetime_parsing, not datetime_from_date_parsing. The parsing and formatting
// are compiled once (src/datetime.cpp).
//
// std::chrono::year_month_day is pydantic's date: written "2025-12-06"; read
// from "YYYY-MM-DD", from a date-time whose time is zero (its offset is not
// applied: "2025-12-06T00:00:00+01:00" is 2025-12-06), or from a Unix time
// that is a midnight, UTC. Errors: date_type, date_parsing,
// date_from_datetime_parsing, date_from_datetime_inexact. Strict mode: python
// mode refuses every input (date_type); JSON mode refuses a number (date_type)
// and reads "YYYY-MM-DD" or a Unix time in digits only, any error date_parsing.

#include <agent_engine/core/detail/micros.hpp>
#include <agent_engine/core/detail/read_temporal.hpp>
#include <agent_engine/core/detail/timestamp.hpp>
#include <agent_engine/core/json_rule.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <type_traits>

namespace agent_engine {

template <class Rep, class Period>
    requires std::is_integral_v<Rep>
struct json_rule<std::chrono::sys_time<std::chrono::duration<Rep, Period>>> {
    using D = std::chrono::duration<Rep, Period>;
    using T = std::chrono::sys_time<D>;

    template <class Writer> static void write(Writer& w, const T& v)
    {
        std::string text;
        detail::append_utc_datetime(text, static_cast<std::int64_t>(detail::to_micros(v.time_since_epoch())));
        w.string(text);
    }

    template <class Reader> static void read(Reader& r, T& out, validation_context& ctx)
    {
        detail::read_temporal(
            r, ctx, error_type::datetime_type, "out of range for the C++ time point type",
            [](auto input, auto... strict_text) {
                if constexpr (std::is_same_v<decltype(input), std::string_view>)
                    return detail::read_aware_datetime(input, strict_text...);
                else
                    return detail::read_unix_time(input);
            },
            [&](const detail::datetime_read& got) {
                D since_epoch{};
                if (!detail::from_micros(got.micros, since_epoch))
                    return false;
                out = T(since_epoch);
                return true;
            });
    }

    static std::string label() { return "datetime"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "string"}, {"format", "date-time"}}; }
};

template <> struct json_rule<std::chrono::year_month_day> {
    using T = std::chrono::year_month_day;

    template <class Writer> static void write(Writer& w, const T& v)
    {
        std::string text;
        detail::append_date(text, std::chrono::sys_days(v).time_since_epoch().count());
        w.string(text);
    }

    template <class Reader> static void read(Reader& r, T& out, validation_context& ctx)
    {
        detail::read_temporal(
            r, ctx, error_type::date_type, nullptr,
            [](auto input, auto... strict_text) { return detail::read_date(input, strict_text...); },
            [&](const detail::datetime_read& got) {
                out = T(std::chrono::floor<std::chrono::days>(std::chrono::sys_time<std::chrono::microseconds>(
                    std::chrono::microseconds(got.micros))));
                return true;
            });
    }

    static std::string label() { return "date"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "string"}, {"format", "date"}}; }
};

} // namespace agent_engine

#endif
