#include <agent_engine/runtime/timestamp.hpp>

#include <cstdio>

namespace agent_engine {

std::string format_utc_timestamp(utc_micros t)
{
    using namespace std::chrono;
    auto day = floor<days>(t);
    year_month_day ymd{day};
    hh_mm_ss<microseconds> hms{t - day};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%06lldZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()), static_cast<long long>(hms.subseconds().count()));
    return buf;
}

std::string utc_timestamp_now()
{
    return format_utc_timestamp(std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now()));
}

namespace {

// Reads exactly `n` digits at `pos`, advancing it.
bool read_digits(std::string_view s, std::size_t& pos, std::size_t n, int& out) noexcept
{
    if (pos + n > s.size())
        return false;
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        char c = s[pos + i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    pos += n;
    out = v;
    return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) noexcept
{
    if (pos >= s.size() || s[pos] != c)
        return false;
    ++pos;
    return true;
}

} // namespace

std::optional<utc_micros> parse_utc_timestamp(std::string_view s) noexcept
{
    using namespace std::chrono;
    std::size_t pos = 0;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (!read_digits(s, pos, 4, y) || !expect(s, pos, '-') || !read_digits(s, pos, 2, mo) || !expect(s, pos, '-') ||
        !read_digits(s, pos, 2, d) || !(expect(s, pos, 'T') || expect(s, pos, ' ')) || !read_digits(s, pos, 2, h) ||
        !expect(s, pos, ':') || !read_digits(s, pos, 2, mi) || !expect(s, pos, ':') || !read_digits(s, pos, 2, sec))
        return std::nullopt;
    year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || sec > 59)
        return std::nullopt;
    long long micros = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        std::size_t digits = 0;
        long long scale = 100000;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (digits < 6) {
                micros += (s[pos] - '0') * scale;
                scale /= 10;
            }
            ++digits;
            ++pos;
        }
        if (digits == 0 || digits > 9)
            return std::nullopt;
    }
    minutes offset{0};
    if (pos < s.size() && s[pos] == 'Z') {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int sign = s[pos] == '-' ? -1 : 1;
        ++pos;
        int oh = 0, om = 0;
        if (!read_digits(s, pos, 2, oh) || !expect(s, pos, ':') || !read_digits(s, pos, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offset = minutes{sign * (oh * 60 + om)};
    }
    if (pos != s.size())
        return std::nullopt;
    return sys_days{ymd} + hours{h} + minutes{mi} + seconds{sec} + microseconds{micros} - offset;
}

} // namespace agent_engine
