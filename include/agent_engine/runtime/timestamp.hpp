#ifndef AGENT_ENGINE_RUNTIME_TIMESTAMP_HPP
#define AGENT_ENGINE_RUNTIME_TIMESTAMP_HPP

// Timestamps as checkpoints spell them: ISO-8601 UTC with microseconds and a
// 'Z', e.g. "2025-12-06T02:45:18.337698Z" (they sort as text in time order).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace agent_engine {

using utc_micros = std::chrono::sys_time<std::chrono::microseconds>;

// `t` as "YYYY-MM-DDTHH:MM:SS.ffffffZ".
std::string format_utc_timestamp(utc_micros t);

// The current time, formatted by format_utc_timestamp.
std::string utc_timestamp_now();

// Reads an RFC 3339 date-time as the timestamp() constraint accepts it
// ("YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)", as written here or by Python's
// datetime.isoformat()), except that one without an offset is read as UTC;
// nothing when the text is not a date-time.
std::optional<utc_micros> parse_utc_timestamp(std::string_view text) noexcept;

} // namespace agent_engine

#endif
