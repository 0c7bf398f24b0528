#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_TIMESTAMP_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_TIMESTAMP_HPP

// timestamp: an RFC 3339 date-time with a timezone, checked as pydantic's AwareDatetime.

#include <agent_engine/core/constraints/kind.hpp>
#include <agent_engine/core/detail/timestamp.hpp>

#include <optional>
#include <string_view>

namespace agent_engine {
namespace detail {

// Why `s` is not an RFC 3339 date-time with a timezone, as pydantic's
// AwareDatetime says it, or nothing when it is one.
struct timestamp_problem {
    error_type type;
    const char* reason; // null for the error types that have no ctx
};
inline std::optional<timestamp_problem> check_timestamp(std::string_view s) noexcept
{
    timestamp_fields fields;
    if (const char* reason = read_timestamp(s, fields))
        return timestamp_problem{error_type::datetime_from_date_parsing, reason};
    if (!fields.has_time || !fields.has_offset) // RFC 3339 requires the offset; AwareDatetime too
        return timestamp_problem{error_type::timezone_aware, nullptr};
    return std::nullopt;
}

} // namespace detail

namespace constraints {

// An RFC 3339 date-time with a timezone: "2025-12-06T02:45:18.337698Z",
// "2025-12-06T03:45:18+01:00". JSON Schema's format "date-time".
struct timestamp {
    template <class V> static constexpr bool require()
    {
        constexpr bool applies = agent_engine::detail::is_text_v<V>;
        static_assert(applies, "agent_engine: timestamp applies to a string member.");
        return applies;
    }
    template <class V, class Input> bool check(const V& v, validation_context& ctx, const Input& input) const
    {
        auto problem = agent_engine::detail::check_timestamp(std::string_view(v));
        if (!problem)
            return true;
        agent_engine::detail::fail_with_reason(ctx, problem->type, problem->reason, input);
        return false;
    }
    template <class V> void annotate(boost::json::object& s) const
    {
        s["format"] = "date-time";
    }
};

} // namespace constraints
} // namespace agent_engine

#endif
