#ifndef AGENT_ENGINE_CORE_RULES_TIME_OF_DAY_HPP
#define AGENT_ENGINE_CORE_RULES_TIME_OF_DAY_HPP

// agent_engine::time_of_day is pydantic's `time`: written "HH:MM:SS", with
// ".ffffff" when there is a fraction and `Z` or ±HH:MM when it has an offset,
// as pydantic writes it. Read as pydantic reads it (lax mode): "HH:MM[:SS[.f]]"
// with an optional `Z`, `z` or ±HH[:]MM (a fraction past six digits is
// truncated), or a number of seconds since midnight, which pydantic gives the
// offset `Z`. Strict mode (pydantic's) refuses every input in python mode,
// which wants a time object, and numbers in JSON mode (time_type). A value
// outside [0, 24 h) is written modulo a day. Errors: time_type (not a string
// or number), time_parsing with pydantic's reason. An offset of 24 h or more
// (which Python's timezone refuses) is written as it is, as the duration rule
// writes one past Python's range, and refused on reading: validate() finds it.
// The parsing and formatting are compiled once (src/time_text.cpp).

#include <agent_engine/core/detail/read_temporal.hpp>
#include <agent_engine/core/detail/time_text.hpp>
#include <agent_engine/core/json_rule.hpp>
#include <agent_engine/core/time_of_day.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace agent_engine {

template <> struct json_rule<time_of_day> {
    template <class Writer> static void write(Writer& w, const time_of_day& v)
    {
        std::string text;
        std::optional<std::int32_t> offset;
        if (v.utc_offset)
            offset = static_cast<std::int32_t>(v.utc_offset->count());
        detail::append_time_of_day(text, v.since_midnight.count(), offset);
        w.string(text);
    }

    template <class Reader> static void read(Reader& r, time_of_day& out, validation_context& ctx)
    {
        detail::read_temporal(
            r, ctx, error_type::time_type, nullptr,
            [](auto input, auto... /* the same grammar when strict */) { return detail::read_time_of_day(input); },
            [&](const detail::time_read& got) {
                out.since_midnight = std::chrono::microseconds(got.micros);
                out.utc_offset.reset();
                if (got.offset_seconds)
                    out.utc_offset = std::chrono::seconds(*got.offset_seconds);
                return true;
            });
    }

    static std::string label() { return "time"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "string"}, {"format", "time"}}; }
};

} // namespace agent_engine

#endif
