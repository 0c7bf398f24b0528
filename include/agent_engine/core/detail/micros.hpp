#ifndef AGENT_ENGINE_CORE_DETAIL_MICROS_HPP
#define AGENT_ENGINE_CORE_DETAIL_MICROS_HPP

// Microsecond counts, the resolution of Python's datetime, time and timedelta,
// to and from a std::chrono::duration of any period, floored both ways.

#include <chrono>
#include <limits>
#include <ratio>
#include <type_traits>

namespace agent_engine::detail {

// A timedelta reaches 999,999,999 days (8.64e19 microseconds), past 64 bits.
// `__extension__` keeps -Wpedantic quiet about the 128-bit types.
__extension__ typedef __int128 int128;
__extension__ typedef unsigned __int128 uint128;

constexpr int128 floor_div(int128 a, int128 b) noexcept
{
    int128 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// `micros` as a duration<Rep, Period>, floored; false when Rep cannot hold it.
template <class Rep, class Period>
    requires std::is_integral_v<Rep>
bool from_micros(int128 micros, std::chrono::duration<Rep, Period>& out) noexcept
{
    using ticks_per_micro = std::ratio_divide<std::micro, Period>;
    int128 ticks = floor_div(micros * ticks_per_micro::num, ticks_per_micro::den);
    if (ticks > std::numeric_limits<Rep>::max() || ticks < std::numeric_limits<Rep>::min())
        return false;
    out = std::chrono::duration<Rep, Period>(static_cast<Rep>(ticks));
    return true;
}

// `d` in microseconds, floored.
template <class Rep, class Period>
    requires std::is_integral_v<Rep>
constexpr int128 to_micros(std::chrono::duration<Rep, Period> d) noexcept
{
    using micros_per_tick = std::ratio_divide<Period, std::micro>;
    return floor_div(static_cast<int128>(d.count()) * micros_per_tick::num, micros_per_tick::den);
}

} // namespace agent_engine::detail

#endif
