#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_FINITE_NUMBER_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_FINITE_NUMBER_HPP

// finite_number(): a float that is not NaN, Infinity or -Infinity (pydantic's
// Field(allow_inf_nan=False)): `finite_number` error; no JSON Schema keyword, as
// pydantic writes none. A float member reads them otherwise, as pydantic's does.

#include <agent_engine/core/constraints/kind.hpp>

#include <cmath>
#include <concepts>

namespace agent_engine::constraints {

struct finite_number {
    template <class V> static constexpr bool require()
    {
        constexpr bool applies = std::floating_point<V>;
        static_assert(applies, "agent_engine: finite_number applies to a float or double member.");
        return applies;
    }
    static constexpr bool checked_first = true; // `ge(0), finite_number()` refuses NaN as not finite
    // `input()` gives the value as its input held it ("nan" for a lax string).
    template <class V, class Input> bool check(const V& v, validation_context& ctx, const Input& input) const
    {
        if (std::isfinite(v))
            return true;
        ctx.fail(error_type::finite_number, input);
        return false;
    }
    template <class V> void annotate(boost::json::object&) const {}
};

} // namespace agent_engine::constraints

#endif
