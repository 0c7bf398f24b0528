#include <agent_engine/runtime/timestamp.hpp>

#include <agent_engine/core/detail/timestamp.hpp>

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

std::optional<utc_micros> parse_utc_timestamp(std::string_view s) noexcept
{
    using namespace std::chrono;
    detail::timestamp_fields f;
    if (detail::read_timestamp(s, f) || !f.has_time)
        return std::nullopt;
    year_month_day ymd{year{f.year}, month{static_cast<unsigned>(f.month)}, day{static_cast<unsigned>(f.day)}};
    return sys_days{ymd} + hours{f.hour} + minutes{f.minute} + seconds{f.second} + microseconds{f.microsecond} -
           minutes{f.offset_minutes};
}

} // namespace agent_engine
