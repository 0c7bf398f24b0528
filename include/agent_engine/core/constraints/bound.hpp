#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_BOUND_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_BOUND_HPP

// The numeric bounds gt, ge, lt and le.

#include <agent_engine/core/constraints/kind.hpp>

#include <cmath>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace agent_engine::constraints {

enum class bound_kind { gt, ge, lt, le };

// A numeric bound: gt(0), ge(0), lt(1.5), le(10).
template <bound_kind Kind, class N> struct bound {
    static_assert(agent_engine::detail::is_number_v<N>, "agent_engine: a numeric bound (ge, gt, le, lt) must be a number.");
    N limit;
    // The end of an integer member type's range this bound stands for: pydantic's
    // int has no width, so the range is, for it, one more ge / le, merged with the
    // member's own (see read_constrained).
    static constexpr bool is_ge = Kind == bound_kind::ge, is_le = Kind == bound_kind::le;
    constexpr explicit bound(N n) noexcept : limit(n) {}

    struct wording {
        error_type type;
        const char* ctx_key;
        const char* schema_keyword;
    };
    static constexpr wording words = [] {
        switch (Kind) {
        case bound_kind::gt: return wording{error_type::greater_than, "gt", "exclusiveMinimum"};
        case bound_kind::ge: return wording{error_type::greater_than_equal, "ge", "minimum"};
        case bound_kind::lt: return wording{error_type::less_than, "lt", "exclusiveMaximum"};
        default: return wording{error_type::less_than_equal, "le", "maximum"};
        }
    }();

    template <class V> static constexpr bool require()
    {
        constexpr bool applies = agent_engine::detail::is_number_v<V>;
        static_assert(applies, "agent_engine: a numeric bound (ge, gt, le, lt) applies to a number member.");
        return applies;
    }
    template <class V> bool holds(V v) const
    {
        if constexpr (std::is_integral_v<V> && std::is_integral_v<N>) {
            switch (Kind) {
            case bound_kind::gt: return std::cmp_greater(v, limit);
            case bound_kind::ge: return std::cmp_greater_equal(v, limit);
            case bound_kind::lt: return std::cmp_less(v, limit);
            default: return std::cmp_less_equal(v, limit);
            }
        } else {
            auto x = static_cast<long double>(v), l = static_cast<long double>(limit);
            switch (Kind) {
            case bound_kind::gt: return x > l;
            case bound_kind::ge: return x >= l;
            case bound_kind::lt: return x < l;
            default: return x <= l;
            }
        }
    }
    // `input()` gives the value as its input held it, shown in the error.
    template <class V, class Input> bool check(const V& v, validation_context& ctx, const Input& input) const
    {
        if (holds(v))
            return true;
        ctx.fail(words.type, [&] { return validation_context::error_details{input(), {{words.ctx_key, limit_of<V>()}}}; });
        return false;
    }
    // The limit as the member's type holds it, as pydantic's ctx shows it: gt(0)
    // on a double member is 0.0, ge(1.0) on an int member 1 (pydantic's int
    // coerces a whole float bound; it refuses the schema of one like 1.5, which
    // is compared here as written).
    template <class V> boost::json::value limit_of() const
    {
        if constexpr (std::is_floating_point_v<V>)
            return static_cast<double>(limit);
        if constexpr (std::is_floating_point_v<N>) {
            if (std::trunc(limit) == limit && std::fabs(limit) < 0x1p63)
                return static_cast<std::int64_t>(limit);
        }
        return agent_engine::detail::number_value(limit);
    }
    template <class V> void annotate(boost::json::object& s) const
    {
        s[words.schema_keyword] = agent_engine::detail::number_value(limit);
    }
};

} // namespace agent_engine::constraints

#endif
