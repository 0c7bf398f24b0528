#ifndef AGENT_ENGINE_CORE_RULES_DURATION_HPP
#define AGENT_ENGINE_CORE_RULES_DURATION_HPP

// std::chrono::duration<Rep, Period> (integral Rep: seconds, milliseconds,
// minutes, ...) is pydantic's `timedelta`. Written as pydantic writes one, ISO
// 8601 with 365-day years: "PT1H2M3.5S", "P1Y35D", "-PT0.000001S", "PT0S", to
// the microsecond (a finer duration is floored). Read as pydantic reads one
// (lax mode): ISO 8601 ("P1DT2H", "PT1.5S", "P1W"; Y is 365 days, M 30),
// "[-]D day[s][, HH:MM[:SS[.f]]]", "[-]HH:MM[:SS[.f]]" (hours may pass 23),
// or a number of seconds (in python mode a bool too: True is 1 s, as in
// Python). Strict mode (pydantic's) refuses every input in python mode, which
// wants a timedelta object, and numbers in JSON mode (time_delta_type). A
// value finer than the period is floored (PT1.5S
// into std::chrono::seconds is 1 s, -PT1.5S is -2 s), as the sys_time rule
// floors. Errors: time_delta_type (not a string or number), time_delta_parsing
// with pydantic's reason, also past 999,999,999 days (Python's limit), and for
// a value the Rep cannot hold ("out of range for the C++ duration type";
// pydantic has no such case). A duration past Python's range is written as it
// is: writing cannot fail, and changing the value would lose it; reading
// refuses it, as pydantic does, so validate() finds it before it is saved.
// Compiled once (src/time_text.cpp).

#include <agent_engine/core/detail/micros.hpp>
#include <agent_engine/core/detail/read_temporal.hpp>
#include <agent_engine/core/detail/time_text.hpp>
#include <agent_engine/core/json_rule.hpp>

#include <chrono>
#include <string>
#include <type_traits>

namespace agent_engine {

template <class Rep, class Period>
    requires std::is_integral_v<Rep>
struct json_rule<std::chrono::duration<Rep, Period>> {
    using T = std::chrono::duration<Rep, Period>;

    template <class Writer> static void write(Writer& w, const T& v)
    {
        std::string text;
        detail::append_timedelta(text, detail::to_micros(v));
        w.string(text);
    }

    template <class Reader> static void read(Reader& r, T& out, validation_context& ctx)
    {
        detail::read_temporal(
            r, ctx, error_type::time_delta_type, "out of range for the C++ duration type",
            [](auto input, auto... /* the same grammar when strict */) { return detail::read_timedelta(input); },
            [&](const detail::timedelta_read& got) {
                detail::int128 micros = static_cast<detail::int128>(got.seconds) * 1'000'000 + got.micros;
                return detail::from_micros(got.negative ? -micros : micros, out);
            },
            true);
    }

    static std::string label() { return "timedelta"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "string"}, {"format", "duration"}}; }
};

} // namespace agent_engine

#endif
