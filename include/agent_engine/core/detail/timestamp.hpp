#ifndef AGENT_ENGINE_CORE_DETAIL_TIMESTAMP_HPP
#define AGENT_ENGINE_CORE_DETAIL_TIMESTAMP_HPP

// The one grammar of date-times: RFC 3339 as pydantic's datetime parser
// (speedate) reads it, with its error reasons. The timestamp() constraint and
// the runtime's parse_utc_timestamp both read through it.

#include <string_view>

namespace agent_engine::detail {

struct timestamp_fields {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    long microsecond = 0;    // the fraction's first six digits
    bool has_time = false;   // false for a date alone
    bool has_offset = false; // 'Z' or ±HH:MM
    int offset_minutes = 0;  // east of UTC
};

// Reads `s` into `out`: nullptr when it is a date or a date-time, else the
// reason it is not, in speedate's words.
inline const char* read_timestamp(std::string_view s, timestamp_fields& out) noexcept
{
    auto digits = [&](std::size_t at, std::size_t n, int& value) {
        value = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (i >= s.size() || s[i] < '0' || s[i] > '9')
                return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
    };
    out = {};
    if (s.size() < 10)
        return "input is too short";
    if (!digits(0, 4, out.year))
        return "invalid character in year";
    if (s[4] != '-' || s[7] != '-')
        return "invalid date separator, expected `-`";
    if (!digits(5, 2, out.month))
        return "invalid character in month";
    if (!digits(8, 2, out.day))
        return "invalid character in day";
    if (out.month < 1 || out.month > 12)
        return "month value is outside expected range of 1-12";
    bool leap = (out.year % 4 == 0 && out.year % 100 != 0) || out.year % 400 == 0;
    constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (out.day < 1 || out.day > month_days[out.month - 1] + (out.month == 2 && leap))
        return "day value is outside expected range";
    if (s.size() == 10)
        return nullptr;
    if (s[10] != 'T' && s[10] != 't' && s[10] != '_' && s[10] != ' ')
        return "invalid datetime separator, expected `T`, `t`, `_` or space";
    out.has_time = true;
    if (s.size() < 19)
        return "input is too short";
    if (!digits(11, 2, out.hour))
        return "invalid character in hour";
    if (s[13] != ':' || s[16] != ':')
        return "invalid time separator, expected `:`";
    if (!digits(14, 2, out.minute))
        return "invalid character in minute";
    if (!digits(17, 2, out.second))
        return "invalid character in second";
    if (out.hour > 23)
        return "hour value is outside expected range of 0-23";
    if (out.minute > 59)
        return "minute value is outside expected range of 0-59";
    if (out.second > 59)
        return "second value is outside expected range of 0-59";
    std::size_t at = 19;
    if (at < s.size() && s[at] == '.') {
        std::size_t first = ++at;
        for (long scale = 100000; at < s.size() && s[at] >= '0' && s[at] <= '9'; ++at, scale /= 10)
            out.microsecond += (s[at] - '0') * scale;
        if (at == first)
            return "second fraction digits missing after `.`";
    }
    if (at == s.size())
        return nullptr;
    if (s[at] == 'Z' || s[at] == 'z') {
        ++at;
    } else if (s[at] == '+' || s[at] == '-') {
        int tz_hour, tz_minute;
        if (!digits(at + 1, 2, tz_hour))
            return "invalid timezone hour";
        if (at + 3 >= s.size() || s[at + 3] != ':')
            return "invalid time separator, expected `:`";
        if (!digits(at + 4, 2, tz_minute))
            return "invalid timezone minute";
        if (tz_minute > 59)
            return "timezone minute value is outside expected range of 0-59";
        if (tz_hour > 23)
            return "timezone offset must be less than 24 hours";
        out.offset_minutes = (s[at] == '-' ? -1 : 1) * (tz_hour * 60 + tz_minute);
        at += 6;
    } else {
        return "invalid timezone sign";
    }
    out.has_offset = true;
    if (at != s.size())
        return "unexpected extra characters at the end of the input";
    return nullptr;
}

} // namespace agent_engine::detail

#endif
