// Date-times as pydantic 2.13 reads and writes them (its parser is speedate):
// the grammar shared by the timestamp() constraint, the sys_time rule and the
// runtime's timestamps, Unix times, and the UTC form pydantic writes.
#include <agent_engine/core/detail/timestamp.hpp>

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <optional>
#include <string>

namespace agent_engine::detail {

namespace {

constexpr const char* extra_characters = "unexpected extra characters at the end of the input";
constexpr std::int64_t micros_per_second = 1'000'000;
constexpr std::int64_t unix_0000 = -62167219200; // 0000-01-01T00:00:00Z
constexpr std::int64_t unix_0001 = -62135596800; // 0001-01-01T00:00:00Z, Python's first
constexpr std::int64_t unix_10000 = 253402300800; // 10000-01-01T00:00:00Z
constexpr std::int64_t ms_watershed = 20'000'000'000; // past it, a Unix time counts milliseconds

bool digits(std::string_view s, std::size_t at, std::size_t n, int& value) noexcept
{
    value = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (i >= s.size() || s[i] < '0' || s[i] > '9')
            return false;
        value = value * 10 + (s[i] - '0');
    }
    return true;
}

// The time after a valid date, from s[10] on (none when the date is all):
// nullptr when it is one, else the reason of pydantic's datetime parser.
const char* read_time(std::string_view s, timestamp_fields& out) noexcept
{
    if (s.size() == 10 || (s[10] != 'T' && s[10] != 't' && s[10] != '_' && s[10] != ' '))
        return "invalid datetime separator, expected `T`, `t`, `_` or space";
    out.has_time = true;
    if (s.size() < 16)
        return "input is too short";
    if (!digits(s, 11, 2, out.hour))
        return "invalid character in hour";
    if (s[13] != ':')
        return "invalid time separator, expected `:`";
    if (!digits(s, 14, 2, out.minute))
        return "invalid character in minute";
    if (out.hour > 23)
        return "hour value is outside expected range of 0-23";
    if (out.minute > 59)
        return "minute value is outside expected range of 0-59";
    std::size_t at = 16;
    if (at < s.size() && s[at] == ':') {
        if (!digits(s, 17, 2, out.second))
            return "invalid character in second";
        if (out.second > 59)
            return "second value is outside expected range of 0-59";
        at = 19;
        if (at < s.size() && (s[at] == '.' || s[at] == ',')) {
            std::size_t first = ++at;
            for (long scale = 100000; at < s.size() && s[at] >= '0' && s[at] <= '9'; ++at, scale /= 10)
                out.microsecond += (s[at] - '0') * scale;
            if (at == first)
                return "second fraction digits missing after `.`";
        }
    }
    if (at == s.size())
        return nullptr;
    if (s[at] == 'Z' || s[at] == 'z') {
        ++at;
    } else if (s[at] == '+' || s[at] == '-') {
        int tz_hour, tz_minute;
        if (!digits(s, at + 1, 2, tz_hour))
            return "invalid timezone hour";
        std::size_t minute_at = at + 3 < s.size() && s[at + 3] == ':' ? at + 4 : at + 3;
        if (!digits(s, minute_at, 2, tz_minute))
            return "invalid timezone minute";
        if (tz_minute > 59)
            return "timezone minute value is outside expected range of 0-59";
        if (tz_hour > 23)
            return "timezone offset must be less than 24 hours";
        out.offset_minutes = (s[at] == '-' ? -1 : 1) * (tz_hour * 60 + tz_minute);
        at = minute_at + 2;
    } else {
        return "invalid timezone sign";
    }
    out.has_offset = true;
    return at == s.size() ? nullptr : extra_characters;
}

// The date that starts `s`: nullptr when it is one, else the reason.
const char* read_date_part(std::string_view s, timestamp_fields& out) noexcept
{
    out = {};
    if (s.size() < 10)
        return "input is too short";
    if (!digits(s, 0, 4, out.year))
        return "invalid character in year";
    if (s[4] != '-')
        return "invalid date separator, expected `-`";
    if (!digits(s, 5, 2, out.month))
        return "invalid character in month";
    if (s[7] != '-')
        return "invalid date separator, expected `-`";
    if (!digits(s, 8, 2, out.day))
        return "invalid character in day";
    if (out.month < 1 || out.month > 12)
        return "month value is outside expected range of 1-12";
    bool leap = (out.year % 4 == 0 && out.year % 100 != 0) || out.year % 400 == 0;
    constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (out.day < 1 || out.day > month_days[out.month - 1] + (out.month == 2 && leap))
        return "day value is outside expected range";
    return nullptr;
}

datetime_read failed(error_type type, const char* reason) noexcept
{
    datetime_read r;
    r.type = type;
    r.reason = reason;
    return r;
}

// A time in whole microseconds, checked against Python's range of years when `check`.
datetime_read in_python_range(std::int64_t micros, bool check = true) noexcept
{
    if (check && micros < unix_0001 * micros_per_second)
        return failed(error_type::datetime_parsing, "year 0 is out of range");
    datetime_read r;
    r.micros = micros;
    r.ok = true;
    return r;
}

// A Unix time in microseconds (defined below, by read_unix_time).
datetime_read unix_micros(std::int64_t n) noexcept;
datetime_read unix_micros(double d) noexcept;

// A Unix time written as a string: [+-]digits[.digits], as speedate takes it;
// in Python's range of years when `python_range`.
std::optional<datetime_read> read_unix_text(std::string_view s, bool python_range = true) noexcept
{
    std::size_t at = s.empty() || (s[0] != '+' && s[0] != '-') ? 0 : 1;
    bool any_digit = false, point = false;
    for (std::size_t i = at; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9')
            any_digit = true;
        else if (s[i] == '.' && !point)
            point = true;
        else
            return std::nullopt;
    }
    if (!any_digit)
        return std::nullopt;
    bool negative = at == 1 && s[0] == '-';
    std::string_view body = s.substr(at);
    if (!point) {
        std::int64_t n = 0;
        auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), n);
        if (ec != std::errc() || end != body.data() + body.size())
            return std::nullopt; // too long for an integer: read as a date
        return python_range ? read_unix_time(negative ? -n : n) : unix_micros(negative ? -n : n);
    }
    std::string text(body); // strtod wants a terminated string
    if (text.front() == '.')
        text.insert(0, 1, '0');
    double d = std::strtod(text.c_str(), nullptr);
    return python_range ? read_unix_time(negative ? -d : d) : unix_micros(negative ? -d : d);
}

// A Unix time as a date: it must be a midnight.
datetime_read date_of(datetime_read r) noexcept
{
    constexpr std::int64_t micros_per_day = 86400 * micros_per_second;
    if (!r.ok)
        return failed(error_type::date_from_datetime_parsing, r.reason);
    if (r.micros % micros_per_day != 0)
        return failed(error_type::date_from_datetime_inexact, nullptr);
    if (r.micros < unix_0001 * micros_per_second)
        return failed(error_type::date_parsing, "year 0 is out of range");
    return r;
}

// A Unix time as a date in strict mode, where every error is date_parsing
// (an inexact one "Timestamp is not an exact date").
datetime_read as_date_parsing(datetime_read r) noexcept
{
    if (!r.ok && r.type == error_type::date_from_datetime_inexact)
        return failed(error_type::date_parsing, "Timestamp is not an exact date");
    if (!r.ok)
        r.type = error_type::date_parsing;
    return r;
}

} // namespace

const char* read_timestamp(std::string_view s, timestamp_fields& out) noexcept
{
    if (const char* reason = read_date_part(s, out))
        return reason;
    // pydantic reads a text that is no date-time as a date: past a valid date,
    // whatever is wrong with the time is more than a date holds.
    if (s.size() > 10 && read_time(s, out)) {
        timestamp_fields date{out.year, out.month, out.day};
        out = date;
        return extra_characters;
    }
    return nullptr;
}

datetime_read read_aware_datetime(std::string_view text, bool strict) noexcept
{
    if (auto unix_time = read_unix_text(text))
        return *unix_time;
    timestamp_fields f;
    if (!strict) {
        if (const char* reason = read_timestamp(text, f))
            return failed(error_type::datetime_from_date_parsing, reason);
    } else if (const char* reason = read_date_part(text, f)) {
        return failed(error_type::datetime_parsing, reason);
    } else if (const char* reason = read_time(text, f)) {
        return failed(error_type::datetime_parsing, reason);
    }
    if (f.year == 0)
        return failed(error_type::datetime_parsing, "year 0 is out of range");
    if (!f.has_time || !f.has_offset)
        return failed(error_type::timezone_aware, nullptr);
    using namespace std::chrono;
    year_month_day ymd{year{f.year}, month{static_cast<unsigned>(f.month)}, day{static_cast<unsigned>(f.day)}};
    std::int64_t seconds = sys_days{ymd}.time_since_epoch().count() * std::int64_t{86400} + f.hour * 3600 +
                           f.minute * 60 + f.second - f.offset_minutes * 60;
    // in range whatever the offset: an aware datetime keeps its local date
    datetime_read r;
    r.micros = seconds * micros_per_second + f.microsecond;
    r.ok = true;
    return r;
}

datetime_read read_unix_time(std::int64_t n) noexcept
{
    datetime_read r = unix_micros(n);
    return r.ok ? in_python_range(r.micros) : r;
}

datetime_read read_unix_time(double d) noexcept
{
    datetime_read r = unix_micros(d);
    return r.ok ? in_python_range(r.micros) : r;
}

namespace {

// A Unix time in microseconds, checked against speedate's range (years 0 to 9999) only.
datetime_read unix_micros(std::int64_t n) noexcept
{
    bool ms = n > ms_watershed || n < -ms_watershed;
    std::int64_t per_second = ms ? 1000 : 1;
    if (n >= unix_10000 * per_second)
        return failed(error_type::datetime_parsing, "dates after 9999 are not supported as unix timestamps");
    if (n < unix_0000 * per_second)
        return failed(error_type::datetime_parsing, "dates before 0000 are not supported as unix timestamps");
    return in_python_range(n * (micros_per_second / per_second), false);
}

datetime_read unix_micros(double d) noexcept
{
    if (std::isnan(d))
        return failed(error_type::datetime_parsing, "NaN values not permitted");
    bool ms = std::fabs(d) > static_cast<double>(ms_watershed);
    double seconds = ms ? d / 1000 : d;
    if (seconds >= static_cast<double>(unix_10000))
        return failed(error_type::datetime_parsing, "dates after 9999 are not supported as unix timestamps");
    if (seconds < static_cast<double>(unix_0000))
        return failed(error_type::datetime_parsing, "dates before 0000 are not supported as unix timestamps");
    double whole = std::floor(d);
    std::int64_t unit = ms ? 1000 : micros_per_second; // microseconds per unit of d
    return in_python_range(static_cast<std::int64_t>(whole) * unit +
                               static_cast<std::int64_t>(std::llround((d - whole) * static_cast<double>(unit))),
                           false);
}

} // namespace

datetime_read read_date(std::string_view text, bool strict) noexcept
{
    timestamp_fields f;
    if (strict) { // speedate's Date::parse_str: a Unix time in digits, or a date and nothing after it
        if (auto unix_time = read_unix_text(text, false); unix_time && text.find('.') == std::string_view::npos)
            return as_date_parsing(date_of(*unix_time));
        if (const char* reason = read_date_part(text, f))
            return failed(error_type::date_parsing, reason);
        if (text.size() > 10)
            return failed(error_type::date_parsing, extra_characters);
    } else {
        if (auto unix_time = read_unix_text(text, false))
            return date_of(*unix_time);
        if (const char* reason = read_date_part(text, f))
            return failed(error_type::date_from_datetime_parsing, reason);
        if (text.size() > 10) {
            if (const char* reason = read_time(text, f))
                return failed(error_type::date_from_datetime_parsing, reason);
            if (f.hour || f.minute || f.second || f.microsecond)
                return failed(error_type::date_from_datetime_inexact, nullptr);
        }
    }
    if (f.year == 0)
        return failed(error_type::date_parsing, "year 0 is out of range");
    using namespace std::chrono;
    year_month_day ymd{year{f.year}, month{static_cast<unsigned>(f.month)}, day{static_cast<unsigned>(f.day)}};
    datetime_read r;
    r.micros = sys_days{ymd}.time_since_epoch().count() * std::int64_t{86400} * micros_per_second;
    r.ok = true;
    return r;
}

datetime_read read_date(std::int64_t unix_time) noexcept
{
    return date_of(unix_micros(unix_time));
}

datetime_read read_date(double unix_time) noexcept
{
    return date_of(unix_micros(unix_time));
}

void append_date(std::string& out, std::int64_t days)
{
    using namespace std::chrono;
    year_month_day ymd{sys_days{std::chrono::days{days}}};
    char buf[24];
    int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                          static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    out.append(buf, static_cast<std::size_t>(n));
}

void append_utc_datetime(std::string& out, std::int64_t micros)
{
    using namespace std::chrono;
    sys_time<microseconds> t{microseconds{micros}};
    auto day = floor<days>(t);
    year_month_day ymd{day};
    hh_mm_ss<microseconds> hms{t - day};
    char buf[48];
    int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(ymd.year()),
                          static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                          static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                          static_cast<int>(hms.seconds().count()));
    if (auto fraction = hms.subseconds().count())
        n += std::snprintf(buf + n, sizeof buf - static_cast<std::size_t>(n), ".%06lld",
                           static_cast<long long>(fraction));
    out.append(buf, static_cast<std::size_t>(n));
    out += 'Z';
}

} // namespace agent_engine::detail
