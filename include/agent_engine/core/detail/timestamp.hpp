#ifndef AGENT_ENGINE_CORE_DETAIL_TIMESTAMP_HPP
#define AGENT_ENGINE_CORE_DETAIL_TIMESTAMP_HPP

// The one grammar of date-times: RFC 3339 as pydantic's datetime parser
// (speedate, as pydantic 2.13 uses it) reads it, with its error reasons. The
// timestamp() constraint, the std::chrono::sys_time rule (rules/time.hpp) and
// the runtime's parse_utc_timestamp all read through it; it is compiled once,
// in src/datetime.cpp.

#include <agent_engine/core/error_type.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace agent_engine::detail {

struct timestamp_fields {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    long microsecond = 0;    // the fraction's first six digits
    bool has_time = false;   // false for a date alone
    bool has_offset = false; // 'Z' or ±HH[:]MM
    int offset_minutes = 0;  // east of UTC
};

// Reads `s` into `out`: nullptr when it is a date or a date-time, else the
// reason it is not, in pydantic's words. As pydantic, a text that is no
// date-time is judged as a date: its reason is the date's ("invalid character
// in month"), or, past a valid date, "unexpected extra characters at the end
// of the input". Accepted: "YYYY-MM-DD", then `T`, `t`, `_` or a space, then
// "HH:MM[:SS[(.|,)fraction]]" and an optional `Z`, `z` or ±HH[:]MM.
const char* read_timestamp(std::string_view s, timestamp_fields& out) noexcept;

// An aware date-time read as pydantic's AwareDatetime reads it (lax mode),
// turned into microseconds since 1970-01-01T00:00:00Z.
struct datetime_read {
    std::int64_t micros = 0;
    bool ok = false;
    error_type type = error_type::datetime_parsing; // when !ok
    const char* reason = nullptr;                    // ctx "error", when the type has one
};
// From a string: a date-time with an offset, or a Unix time written in digits.
// Lax, a text that is no date-time is judged as a date (datetime_from_date_parsing);
// `strict` (pydantic's strict JSON mode) judges it as a date-time only (datetime_parsing).
datetime_read read_aware_datetime(std::string_view text, bool strict) noexcept;
// From a JSON number: a Unix time in seconds, or in milliseconds past 2e10, as pydantic.
datetime_read read_unix_time(double seconds) noexcept;
datetime_read read_unix_time(std::int64_t seconds) noexcept;

// A date read as pydantic's date reads it (lax mode): "YYYY-MM-DD", a date-time
// whose time is zero (its offset aside), or a Unix time that is a midnight.
// `micros` is then the date's midnight, UTC; the errors are date_parsing,
// date_from_datetime_parsing and date_from_datetime_inexact. `strict` (pydantic's
// strict JSON mode) takes "YYYY-MM-DD" or a Unix time in digits that is a
// midnight only, and every error is date_parsing.
datetime_read read_date(std::string_view text, bool strict) noexcept;
datetime_read read_date(std::int64_t unix_time) noexcept;
datetime_read read_date(double unix_time) noexcept;
// `days` since 1970-01-01 as "YYYY-MM-DD".
void append_date(std::string& out, std::int64_t days);

// `micros` since the epoch as pydantic writes a UTC datetime:
// "2025-12-06T02:45:18Z", with ".ffffff" before the Z when a fraction is left.
void append_utc_datetime(std::string& out, std::int64_t micros);

} // namespace agent_engine::detail

#endif
