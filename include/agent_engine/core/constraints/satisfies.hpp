#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_SATISFIES_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_SATISFIES_HPP

// satisfies: a predicate of the member's own, reported as a value_error.

#include <agent_engine/core/constraints/kind.hpp>

#include <functional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace agent_engine::constraints {

// predicate(value) must hold; otherwise a value_error "Value error, <message>".
template <class F> struct satisfies {
    F predicate;
    std::string_view message;
    template <class M>
    constexpr satisfies(F f, const M& m) noexcept(std::is_nothrow_move_constructible_v<F>)
        : predicate(std::move(f)), message(agent_engine::detail::kept_text(m))
    {
    }
    template <class V> static constexpr bool require()
    {
        constexpr bool applies = std::is_invocable_r_v<bool, const F&, const V&>;
        static_assert(applies, "agent_engine: satisfies needs a predicate callable as bool(const Member&).");
        return applies;
    }
    template <class V, class Input> bool check(const V& v, validation_context& ctx, const Input& input) const
    {
        if (std::invoke(predicate, v))
            return true;
        agent_engine::detail::fail_value_error(ctx, message, input);
        return false;
    }
    template <class V> void annotate(boost::json::object&) const {} // JSON Schema cannot say it
};

} // namespace agent_engine::constraints

#endif
