#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_APPLY_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_APPLY_HPP

// Applying the constraints of one member to its value and to its JSON Schema.

#include <agent_engine/core/detail/is_optional.hpp>
#include <agent_engine/core/validation_context.hpp>

#include <boost/json/value.hpp>

#include <tuple>
#include <type_traits>
#include <utility>

namespace agent_engine::detail {

// Checks the constraints in order and stops at the first that fails.
template <class V, class... Cs> bool check_constraints(const V& v, const std::tuple<Cs...>& cs, validation_context& ctx)
{
    if constexpr (is_nullable_v<V>) {
        return !v || check_constraints(*v, cs, ctx);
    } else {
        return std::apply([&](auto const&... c) { return (c.check(v, ctx) && ...); }, cs);
    }
}

// Adds the constraints' keywords to the schema of V (for an optional or a smart
// pointer, to its non-null branch).
template <class V, class... Cs> void annotate_schema(boost::json::value& s, const std::tuple<Cs...>& cs)
{
    if constexpr (is_nullable_v<V>) {
        annotate_schema<std::remove_cvref_t<decltype(*std::declval<const V&>())>>(
            s.as_object()["anyOf"].as_array()[0], cs);
    } else {
        auto& o = s.as_object();
        std::apply([&](auto const&... c) { (c.template annotate<V>(o), ...); }, cs);
    }
}

} // namespace agent_engine::detail

#endif
