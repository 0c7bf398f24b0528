#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_STRICT_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_STRICT_HPP

// strict: the member's value is read in strict mode (pydantic's Field(strict=True)):
// no conversion between JSON kinds, whatever the schema's or the call's mode.
// It is a mode of reading, not a check: read_constrained applies it.

#include <agent_engine/core/constraints/kind.hpp>
#include <agent_engine/core/rules/bytes.hpp>
#include <agent_engine/core/time_of_day.hpp>

#include <boost/uuid/uuid.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <type_traits>

namespace agent_engine::constraints {

namespace detail_strict {
template <class V> inline constexpr bool is_temporal_v = false;
template <class R, class P> inline constexpr bool is_temporal_v<std::chrono::duration<R, P>> = true;
template <class D> inline constexpr bool is_temporal_v<std::chrono::sys_time<D>> = true;
template <> inline constexpr bool is_temporal_v<std::chrono::year_month_day> = true;
template <> inline constexpr bool is_temporal_v<time_of_day> = true;

// The member types whose own value has a strict mode, which pydantic's
// Field(strict=True) sets: a bool, number, enum, string, datetime, date, time,
// timedelta, UUID, Path or bytes. Not a list, dict, tuple or set: pydantic's
// Field(strict=True) on one refuses what a strict read of it refuses but leaves
// its items lax, where a strict read here is strict all the way down.
template <class V>
inline constexpr bool has_strict_mode_v =
    std::is_arithmetic_v<V> || std::is_enum_v<V> || std::is_same_v<V, std::string> || is_temporal_v<V> ||
    std::is_same_v<V, boost::uuids::uuid> || std::is_same_v<V, std::filesystem::path> ||
    agent_engine::detail::is_bytes_v<V> || agent_engine::detail::is_base64_v<V>;
} // namespace detail_strict

struct strict {
    static constexpr bool sets_strict = true;
    template <class V> static constexpr bool require()
    {
        constexpr bool applies = detail_strict::has_strict_mode_v<V>;
        static_assert(applies,
                      "agent_engine: strict() applies to a bool, number, enum, string, date-time, date, time, "
                      "duration, UUID, path or bytes member (or an optional one), not to a container, whose items "
                      "pydantic's Field(strict=True) leaves lax; for strict items write each(strict()), or declare "
                      "AGENT_ENGINE_STRICT on the elements' schema, or read with {.strict = true}.");
        return applies;
    }
    template <class V, class Input> bool check(const V&, validation_context&, const Input&) const { return true; }
    template <class V> void annotate(boost::json::object&) const {} // pydantic's schema does not show it
};

} // namespace agent_engine::constraints

#endif
