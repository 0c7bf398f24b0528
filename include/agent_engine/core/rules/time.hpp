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
// cannot hold). The parsing and formatting are compiled once (src/datetime.cpp).
//
// std::chrono::year_month_day is pydantic's date: written "2025-12-06"; read
// from "YYYY-MM-DD", from a date-time whose time is zero (its offset is not
// applied: "2025-12-06T00:00:00+01:00" is 2025-12-06), or from a Unix time
// that is a midnight, UTC. Errors: date_type, date_parsing,
// date_from_datetime_parsing, date_from_datetime_inexact.

#include <agent_engine/core/constraints/kind.hpp>
#include <agent_engine/core/detail/timestamp.hpp>
#include <agent_engine/core/json_rule.hpp>

#include <chrono>
#include <cstdint>
#include <limits>
#include <ratio>
#include <string>
#include <type_traits>

namespace agent_engine {
namespace detail {

// `micros` since the epoch as a sys_time<D>, floored; false when D cannot hold it.
template <class D> bool time_point_from_micros(std::int64_t micros, std::chrono::sys_time<D>& out) noexcept
{
    using rep = typename D::rep;
    using ticks_per_micro = std::ratio_divide<std::micro, typename D::period>;
    if constexpr (ticks_per_micro::den == 1 && ticks_per_micro::num > 1) { // finer than a microsecond
        constexpr std::int64_t scale = ticks_per_micro::num;
        constexpr auto limit = static_cast<std::int64_t>(std::numeric_limits<rep>::max() / scale);
        if (micros > limit || micros < -limit)
            return false;
        out = std::chrono::sys_time<D>(D(static_cast<rep>(micros * scale)));
    } else {
        using wide = std::chrono::duration<std::int64_t, typename D::period>;
        auto ticks = std::chrono::floor<wide>(std::chrono::microseconds(micros)).count();
        if (ticks > std::numeric_limits<rep>::max() || ticks < std::numeric_limits<rep>::min())
            return false;
        out = std::chrono::sys_time<D>(D(static_cast<rep>(ticks)));
    }
    return true;
}

// Reads a date or time from a string or a number through `from` (an overload
// set: string_view, int64, double), then keeps it with `keep(micros)`, false
// when the C++ type cannot hold it. Anything else is `type_error`.
template <class Reader, class From, class Keep>
void read_temporal(Reader& r, validation_context& ctx, error_type type_error, From&& from, Keep&& keep)
{
    datetime_read got;
    auto report = [&](auto&& input) {
        if (got.ok) // read, but out of the C++ type's range
            fail_with_reason(ctx, error_type::datetime_parsing, "out of range for the C++ time point type", input);
        else
            fail_with_reason(ctx, got.type, got.reason, input);
    };
    switch (r.kind()) {
    case boost::json::kind::string: {
        std::string_view text = r.get_string();
        got = from(text);
        if (!got.ok || !keep(got.micros))
            report([&] { return boost::json::value(boost::json::string(text)); });
        return;
    }
    case boost::json::kind::int64: got = from(r.get_int64()); break;
    case boost::json::kind::uint64: got = from(static_cast<double>(r.get_uint64())); break;
    case boost::json::kind::double_: got = from(r.get_double()); break;
    default: ctx.fail(type_error, [&] { return r.capture(); }); return;
    }
    if (!got.ok || !keep(got.micros))
        report([&] { return r.capture(); });
}

} // namespace detail

template <class Rep, class Period>
    requires std::is_integral_v<Rep>
struct json_rule<std::chrono::sys_time<std::chrono::duration<Rep, Period>>> {
    using D = std::chrono::duration<Rep, Period>;
    using T = std::chrono::sys_time<D>;

    template <class Writer> static void write(Writer& w, const T& v)
    {
        std::string text;
        detail::append_utc_datetime(
            text, std::chrono::floor<std::chrono::microseconds>(v.time_since_epoch()).count());
        w.string(text);
    }

    template <class Reader> static void read(Reader& r, T& out, validation_context& ctx)
    {
        detail::read_temporal(
            r, ctx, error_type::datetime_type,
            [](auto input) {
                if constexpr (std::is_same_v<decltype(input), std::string_view>)
                    return detail::read_aware_datetime(input);
                else
                    return detail::read_unix_time(input);
            },
            [&](std::int64_t micros) { return detail::time_point_from_micros(micros, out); });
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
            r, ctx, error_type::date_type, [](auto input) { return detail::read_date(input); },
            [&](std::int64_t micros) {
                out = T(std::chrono::floor<std::chrono::days>(std::chrono::sys_time<std::chrono::microseconds>(
                    std::chrono::microseconds(micros))));
                return true;
            });
    }

    static std::string label() { return "date"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "string"}, {"format", "date"}}; }
};

} // namespace agent_engine

#endif
