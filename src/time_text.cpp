// Times of day and durations as pydantic 2.13 reads and writes them (its
// parser is speedate 0.17): the grammars, their error reasons, and the texts
// pydantic writes. Quirks are kept where pydantic has them ("P1.D" is a day,
// "1 day," is a day, hours past 23 make days in "25:00:00"); where pydantic
// wraps a number of seconds past 2^32 days, this says it is too large.
#include <agent_engine/core/detail/time_text.hpp>

#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <initializer_list>
#include <limits>

namespace agent_engine::detail {

namespace {

constexpr const char* too_short = "input is too short";
constexpr const char* extra_characters = "unexpected extra characters at the end of the input";
constexpr const char* invalid_hour = "invalid character in hour";
constexpr const char* invalid_number = "invalid digit in duration";
constexpr const char* invalid_days = "\"day\" identifier in duration not correctly formatted";
constexpr const char* value_too_large = "a numeric value in the duration is too large";
constexpr const char* hours_too_large = "durations may not exceed 999,999,999 hours";
constexpr const char* days_too_large = "durations may not exceed 999,999,999 days";
constexpr const char* not_a_number = "NaN values not permitted";
constexpr std::uint64_t max_days = 999'999'999;
constexpr std::uint64_t u32_max = std::numeric_limits<std::uint32_t>::max();
constexpr std::int64_t micros_per_second = 1'000'000;
constexpr std::int64_t seconds_per_day = 86'400;

bool is_digit(std::string_view s, std::size_t at) noexcept
{
    return at < s.size() && s[at] >= '0' && s[at] <= '9';
}

int digit_at(std::string_view s, std::size_t at) noexcept
{
    return s[at] - '0';
}

// Rust's saturating `f64 as u32` / `as u64` / `as i64`, as speedate and pydantic-core cast.
template <class T> T saturate(double d) noexcept
{
    if (std::isnan(d))
        return 0;
    if (d <= static_cast<double>(std::numeric_limits<T>::min()))
        return std::numeric_limits<T>::min();
    if (d >= static_cast<double>(std::numeric_limits<T>::max()))
        return std::numeric_limits<T>::max();
    return static_cast<T>(d);
}

// speedate's PureTime: "HH:MM[:SS[(.|,)fraction]]" from `at`, a fraction past
// six digits truncated, as pydantic configures it.
struct pure_time {
    int hour = 0, minute = 0, second = 0;
    std::uint32_t micro = 0;
    std::size_t end = 0;
    std::uint32_t seconds() const noexcept { return static_cast<std::uint32_t>(hour * 3600 + minute * 60 + second); }
};

const char* read_pure_time(std::string_view s, std::size_t at, pure_time& t) noexcept
{
    if (s.size() < at + 5)
        return too_short;
    if (!is_digit(s, at) || !is_digit(s, at + 1))
        return invalid_hour;
    if (s[at + 2] != ':')
        return "invalid time separator, expected `:`";
    if (!is_digit(s, at + 3) || !is_digit(s, at + 4))
        return "invalid character in minute";
    t.hour = digit_at(s, at) * 10 + digit_at(s, at + 1);
    t.minute = digit_at(s, at + 3) * 10 + digit_at(s, at + 4);
    if (t.hour > 23)
        return "hour value is outside expected range of 0-23";
    if (t.minute > 59)
        return "minute value is outside expected range of 0-59";
    std::size_t length = 5;
    if (at + 5 < s.size() && s[at + 5] == ':') {
        if (!is_digit(s, at + 6) || !is_digit(s, at + 7))
            return "invalid character in second";
        t.second = digit_at(s, at + 6) * 10 + digit_at(s, at + 7);
        if (t.second > 59)
            return "second value is outside expected range of 0-59";
        length = 8;
        if (at + 8 < s.size() && (s[at + 8] == '.' || s[at + 8] == ',')) {
            length = 9;
            std::size_t i = 0;
            for (; is_digit(s, at + length + i); ++i)
                if (i < 6)
                    t.micro = t.micro * 10 + static_cast<std::uint32_t>(digit_at(s, at + length + i));
            if (i == 0)
                return "second fraction digits missing after `.`";
            for (std::size_t k = i; k < 6; ++k)
                t.micro *= 10;
            length += i;
        }
    }
    t.end = at + length;
    return nullptr;
}

// A duration's parts as speedate keeps them, unsigned and normalised at the end.
struct parts {
    std::uint64_t day = 0, second = 0, micro = 0;
};

// speedate's checked u32 arithmetic.
bool fits(std::uint64_t v) noexcept
{
    return v <= u32_max;
}

// Digits from `at` as a u32; `at` moves past them.
const char* read_number(std::string_view s, std::size_t& at, std::uint64_t& value) noexcept
{
    if (!is_digit(s, at))
        return invalid_number;
    value = 0;
    for (; is_digit(s, at); ++at) {
        value = value * 10 + static_cast<std::uint64_t>(digit_at(s, at));
        if (!fits(value))
            return value_too_large;
    }
    return nullptr;
}

// "[H...]H:MM[:SS[.f]]": hours past 23 make days.
const char* read_hours_time(std::string_view s, std::size_t at, parts& p) noexcept
{
    if (s.size() < at + 5)
        return too_short;
    std::size_t colon = s.find(':', at);
    if (colon == std::string_view::npos)
        return invalid_hour;
    if (colon - at > 10)
        return hours_too_large;
    std::int64_t hour = 0;
    for (std::size_t i = at; i < colon; ++i) {
        if (!is_digit(s, i))
            return invalid_hour;
        hour = hour * 10 + digit_at(s, i);
    }
    if (hour > 2'400'000'000)
        return hours_too_large;
    std::string rest = "00:";
    rest += s.substr(colon + 1, 12); // a fraction past six digits is truncated
    pure_time t;
    if (const char* reason = read_pure_time(rest, 0, t))
        return reason;
    if (rest.size() > t.end)
        return extra_characters;
    p.day = static_cast<std::uint64_t>(hour / 24);
    p.second = t.seconds() + static_cast<std::uint64_t>(hour % 24) * 3600;
    p.micro = t.micro;
    return nullptr;
}

// "D[ ]d[ay[s]][,][ ][HH:MM[:SS[.f]]]", case-insensitive.
const char* read_days_time(std::string_view s, std::size_t at, parts& p) noexcept
{
    if (at >= s.size())
        return too_short;
    if (const char* reason = read_number(s, at, p.day))
        return reason;
    auto is = [&](std::size_t i, char c) { return i < s.size() && (s[i] == c || s[i] == c - 'a' + 'A'); };
    if (at < s.size() && s[at] == ' ')
        ++at;
    else if (!is(at, 'd'))
        return invalid_days;
    if (!is(at, 'd'))
        return invalid_days;
    ++at;
    if (is(at, 'a')) { // "ay" or "AY", then "s" or "S" in the same case
        char y = s[at] == 'a' ? 'y' : 'Y';
        if (at + 1 >= s.size() || s[at + 1] != y)
            return invalid_days;
        at += at + 2 < s.size() && s[at + 2] == y - 'y' + 's' ? 3 : 2;
    }
    for (char optional : {',', ' '})
        if (at < s.size() && s[at] == optional)
            ++at;
    if (at >= s.size())
        return nullptr;
    parts time;
    if (const char* reason = read_hours_time(s, at, time))
        return reason;
    if (time.day != 0)
        return hours_too_large;
    p.second = time.second;
    p.micro = time.micro;
    return nullptr;
}

// "PnYnMnWnDTnHnMnS", a fraction allowed in the last quantity only.
const char* read_iso_duration(std::string_view s, std::size_t at, parts& p) noexcept
{
    bool got_t = false, last_had_fraction = false;
    for (; at < s.size(); ++at) {
        if (s[at] == 'T') {
            if (got_t)
                return "`t` character repeated in duration";
            got_t = true;
            continue;
        }
        std::uint64_t value = 0;
        if (const char* reason = read_number(s, at, value))
            return reason;
        std::optional<double> fraction;
        if (at < s.size() && (s[at] == '.' || s[at] == ',')) {
            double decimal = 0, denominator = 1;
            for (++at; is_digit(s, at); ++at) {
                decimal = decimal * 10 + digit_at(s, at);
                denominator *= 10;
            }
            fraction = decimal / denominator;
        }
        if (last_had_fraction)
            return "quantity fraction invalid in duration";
        last_had_fraction = fraction.has_value();
        char unit = at < s.size() ? s[at] : '\0';
        // after the T, a quantity counts seconds; before it, days
        std::uint64_t mult = got_t ? (unit == 'H' ? 3600 : unit == 'M' ? 60 : unit == 'S' ? 1 : 0)
                                   : (unit == 'Y' ? 365 : unit == 'M' ? 30 : unit == 'W' ? 7 : unit == 'D' ? 1 : 0);
        if (!mult)
            return got_t ? "quantity invalid in time part of duration" : "quantity invalid in date part of duration";
        std::uint64_t& whole = got_t ? p.second : p.day;
        if (!fits(mult * value) || !fits(whole += mult * value))
            return value_too_large;
        if (fraction) { // spread as speedate spreads it: whole units, then seconds, then microseconds
            double extra = *fraction * static_cast<double>(mult);
            double extra_whole = std::trunc(extra);
            whole += saturate<std::uint32_t>(extra_whole);
            double extra_seconds = got_t ? extra - extra_whole : (extra - extra_whole) * 86400.0;
            double whole_seconds = got_t ? 0.0 : std::trunc(extra_seconds);
            p.second += saturate<std::uint32_t>(whole_seconds);
            p.micro += saturate<std::uint32_t>(std::round((extra_seconds - whole_seconds) * 1e6));
            if (!fits(p.day) || !fits(p.second) || !fits(p.micro))
                return value_too_large;
        }
    }
    return at < 3 ? too_short : nullptr;
}

// A read that failed for `reason`.
template <class Read> Read failed(const char* reason) noexcept
{
    Read r;
    r.reason = reason;
    return r;
}

// speedate's Duration::new: microseconds and seconds carried, days checked
// against Python's timedelta (a negative one ends at exactly 999,999,999 days).
timedelta_read normalized(bool negative, parts p) noexcept
{
    p.second += p.micro / micros_per_second;
    p.micro %= micros_per_second;
    if (!fits(p.second))
        return failed<timedelta_read>(value_too_large);
    p.day += p.second / seconds_per_day;
    p.second %= seconds_per_day;
    if (!fits(p.day))
        return failed<timedelta_read>(value_too_large);
    if (p.day > max_days || (negative && p.day == max_days && (p.second || p.micro)))
        return failed<timedelta_read>(days_too_large);
    timedelta_read r;
    r.ok = true;
    r.negative = negative;
    r.seconds = static_cast<std::int64_t>(p.day) * seconds_per_day + static_cast<std::int64_t>(p.second);
    r.micros = static_cast<std::int32_t>(p.micro);
    return r;
}

void append_number(std::string& out, uint128 n)
{
    char digits[40];
    std::size_t at = sizeof digits;
    do {
        digits[--at] = static_cast<char>('0' + static_cast<int>(n % 10));
        n /= 10;
    } while (n);
    out.append(digits + at, sizeof digits - at);
}

} // namespace

timedelta_read read_timedelta(std::string_view s) noexcept
{
    if (s.empty())
        return failed<timedelta_read>(too_short);
    bool negative = s[0] == '-';
    std::size_t at = s[0] == '+' || s[0] == '-' ? 1 : 0;
    parts p;
    const char* reason;
    if (at < s.size() && s[at] == 'P')
        reason = read_iso_duration(s, at + 1, p);
    else if (s.find_first_of("dD") != std::string_view::npos || s.size() - at < 5)
        reason = read_days_time(s, at, p);
    else
        reason = read_hours_time(s, at, p);
    return reason ? failed<timedelta_read>(reason) : normalized(negative, p);
}

timedelta_read read_timedelta(std::int64_t seconds) noexcept
{
    std::uint64_t size = seconds < 0 ? 0 - static_cast<std::uint64_t>(seconds) : static_cast<std::uint64_t>(seconds);
    if (size / seconds_per_day > max_days) // pydantic wraps past 2^32 days; this says so
        return failed<timedelta_read>(days_too_large);
    return normalized(seconds < 0, {size / seconds_per_day, size % seconds_per_day, 0});
}

timedelta_read read_timedelta(double seconds) noexcept
{
    if (std::isnan(seconds))
        return failed<timedelta_read>(not_a_number);
    if (std::isinf(seconds)) // a DOM may hold one; its fraction would be NaN
        return failed<timedelta_read>(days_too_large);
    double size = std::fabs(seconds);
    double micro = std::round((size - std::trunc(size)) * 1e6);
    return normalized(!(seconds >= 0), {saturate<std::uint32_t>(size / 86400),
                                        saturate<std::uint64_t>(size) % seconds_per_day,
                                        static_cast<std::uint64_t>(micro)});
}

void append_timedelta(std::string& out, int128 micros)
{
    if (micros < 0)
        out += '-';
    uint128 size = micros < 0 ? 0 - static_cast<uint128>(micros) : static_cast<uint128>(micros);
    constexpr uint128 per_day = static_cast<uint128>(seconds_per_day) * micros_per_second;
    uint128 day = size / per_day;
    auto rest = static_cast<std::int64_t>(size % per_day);
    std::int64_t second = rest / micros_per_second, micro = rest % micros_per_second;
    out += 'P';
    auto quantity = [&](uint128 n, char unit) {
        if (n) {
            append_number(out, n);
            out += unit;
        }
    };
    quantity(day / 365, 'Y');
    quantity(day % 365, 'D');
    if (second || micro) {
        out += 'T';
        quantity(static_cast<uint128>(second / 3600), 'H');
        quantity(static_cast<uint128>(second % 3600 / 60), 'M');
        if (second % 60 || micro) {
            append_number(out, static_cast<uint128>(second % 60));
            if (micro) {
                char buf[8];
                int n = std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(micro));
                while (buf[n - 1] == '0')
                    --n;
                out.append(buf, static_cast<std::size_t>(n));
            }
            out += 'S';
        }
    }
    if (size == 0)
        out += "T0S";
}

time_read read_time_of_day(std::string_view s) noexcept
{
    pure_time t;
    if (const char* reason = read_pure_time(s, 0, t))
        return failed<time_read>(reason);
    time_read r;
    std::size_t at = t.end;
    if (at < s.size()) {
        char c = s[at++];
        if (c == 'Z' || c == 'z') {
            r.offset_seconds = 0;
        } else {
            int sign = 1;
            if (c == '-')
                sign = -1;
            else if (c == '\xe2') { // U+2212 MINUS SIGN, which ISO 8601 allows
                if (s.substr(at, 2) != "\x88\x92")
                    return failed<time_read>("invalid timezone sign");
                at += 2;
                sign = -1;
            } else if (c != '+')
                return failed<time_read>("invalid timezone sign");
            if (!is_digit(s, at) || !is_digit(s, at + 1))
                return failed<time_read>("invalid timezone hour");
            int hours = digit_at(s, at) * 10 + digit_at(s, at + 1);
            at += at + 2 < s.size() && s[at + 2] == ':' ? 3 : 2;
            if (!is_digit(s, at) || !is_digit(s, at + 1))
                return failed<time_read>("invalid timezone minute");
            int minute_seconds = (digit_at(s, at) * 10 + digit_at(s, at + 1)) * 60;
            if (minute_seconds >= 3600)
                return failed<time_read>("timezone minute value is outside expected range of 0-59");
            int offset = hours * 3600 + minute_seconds;
            if (offset >= 86400)
                return failed<time_read>("timezone offset must be less than 24 hours");
            r.offset_seconds = sign * offset;
            at += 2;
        }
    }
    if (at < s.size())
        return failed<time_read>(extra_characters);
    r.ok = true;
    r.micros = static_cast<std::int64_t>(t.seconds()) * micros_per_second + t.micro;
    return r;
}

time_read read_time_of_day(std::int64_t seconds) noexcept
{
    return read_time_of_day(static_cast<double>(seconds));
}

time_read read_time_of_day(double seconds) noexcept
{
    if (std::isnan(seconds))
        return failed<time_read>(not_a_number);
    if (std::isinf(seconds)) // a DOM may hold one; its fraction would be NaN
        return failed<time_read>(seconds < 0 ? "time in seconds should be positive"
                                             : "numeric times may not exceed 86,399 seconds");
    double whole = std::floor(seconds);
    auto micro = static_cast<std::int64_t>(std::round(std::fabs(seconds - std::trunc(seconds)) * 1e6));
    auto second = saturate<std::int64_t>(whole);
    if (second < 0)
        return failed<time_read>("time in seconds should be positive");
    second += micro / micros_per_second;
    if (second >= seconds_per_day)
        return failed<time_read>("numeric times may not exceed 86,399 seconds");
    time_read r;
    r.ok = true;
    r.micros = second * micros_per_second + micro % micros_per_second;
    r.offset_seconds = 0;
    return r;
}

void append_time_of_day(std::string& out, std::int64_t micros, std::optional<std::int32_t> offset_seconds)
{
    constexpr std::int64_t per_day = seconds_per_day * micros_per_second;
    micros = (micros % per_day + per_day) % per_day;
    std::int64_t second = micros / micros_per_second, micro = micros % micros_per_second;
    char buf[40];
    int n = std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", static_cast<int>(second / 3600),
                          static_cast<int>(second % 3600 / 60), static_cast<int>(second % 60));
    if (micro)
        n += std::snprintf(buf + n, sizeof buf - static_cast<std::size_t>(n), ".%06lld", static_cast<long long>(micro));
    if (offset_seconds && *offset_seconds == 0) {
        buf[n++] = 'Z';
    } else if (offset_seconds) {
        int minutes = *offset_seconds / 60;
        n += std::snprintf(buf + n, sizeof buf - static_cast<std::size_t>(n), "%c%02d:%02d",
                           *offset_seconds < 0 ? '-' : '+', std::abs(minutes / 60), std::abs(minutes % 60));
    }
    out.append(buf, static_cast<std::size_t>(n));
}

} // namespace agent_engine::detail
