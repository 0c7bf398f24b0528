#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_DECLARATIONS_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_DECLARATIONS_HPP

// AGENT_ENGINE_CONSTRAINTS, AGENT_ENGINE_DESCRIPTION, AGENT_ENGINE_SCHEMA_DESCRIPTION
// and AGENT_ENGINE_VALIDATOR, and how the rules find what they declare (see
// constraints.hpp for their use).

#include <agent_engine/core/constraints/apply.hpp>
#include <agent_engine/core/constraints/bound.hpp>
#include <agent_engine/core/constraints/each.hpp>
#include <agent_engine/core/constraints/kind.hpp>
#include <agent_engine/core/constraints/length.hpp>
#include <agent_engine/core/constraints/one_of.hpp>
#include <agent_engine/core/constraints/pattern.hpp>
#include <agent_engine/core/constraints/satisfies.hpp>
#include <agent_engine/core/constraints/timestamp.hpp>
#include <agent_engine/core/schema.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/utility.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace agent_engine {
namespace detail {

// Whether a declaration about class C can be found (see agent_engine_schema_tag).
template <class C, auto Member>
concept declares_constraints = requires { agent_engine_constraints_fn(schema_tag<C>, member_tag<Member>{}); };
template <class C, auto Member>
concept declares_description = requires { agent_engine_description_fn(schema_tag<C>, member_tag<Member>{}); };
template <class C> concept declares_schema_description = requires { agent_engine_description_fn(schema_tag<C>); };
template <class C> concept declares_validators = requires { agent_engine_validators_fn(schema_tag<C>); };

template <class> struct member_class;
template <class M, class C> struct member_class<M C::*> {
    using type = C;
};

template <auto Member> struct constraints_declared {
    template <class C> using fn = boost::mp11::mp_bool<declares_constraints<C, Member>>;
};
template <auto Member> struct description_declared {
    template <class C> using fn = boost::mp11::mp_bool<declares_description<C, Member>>;
};

// The class whose declaration about Member counts for T: the nearest class of
// T's hierarchy that makes one (derived before base, as a field redefined in a
// pydantic subclass), else the class that declares the member (a schema may
// list an inherited member itself rather than name its base); void if none.
template <class T, auto Member, class Declared> struct declarations_owner_of {
    using candidates = boost::mp11::mp_push_back<boost::mp11::mp_reverse<hierarchy<T>>,
                                                 typename member_class<decltype(Member)>::type>;
    using index = boost::mp11::mp_find_if_q<candidates, Declared>;
    using type = boost::mp11::mp_eval_if_c<index::value == boost::mp11::mp_size<candidates>::value, void,
                                           boost::mp11::mp_at, candidates, index>;
};
template <class T, auto Member, class Declared>
using declarations_owner = typename declarations_owner_of<T, Member, Declared>::type;

template <class T, auto Member>
using constraints_owner = declarations_owner<T, Member, constraints_declared<Member>>;

template <class T, auto Member> inline constexpr bool has_constraints_v = !std::is_void_v<constraints_owner<T, Member>>;

// The tuple of constraints declared for Member (only when has_constraints_v).
template <class T, auto Member> auto member_constraints()
{
    return agent_engine_constraints_fn(schema_tag<constraints_owner<T, Member>>, member_tag<Member>{});
}

// The member factories AGENT_ENGINE_CONSTRAINTS sees, so that `pattern(...)`
// means the constraint even where the user's namespace has its own `pattern`.
struct constraint_vocabulary {
    static constexpr constraints::min_length min_length(std::size_t n) noexcept { return constraints::min_length(n); }
    static constexpr constraints::max_length max_length(std::size_t n) noexcept { return constraints::max_length(n); }
    template <class N> static constexpr auto gt(N n) noexcept { return constraints::bound<constraints::bound_kind::gt, N>(n); }
    template <class N> static constexpr auto ge(N n) noexcept { return constraints::bound<constraints::bound_kind::ge, N>(n); }
    template <class N> static constexpr auto lt(N n) noexcept { return constraints::bound<constraints::bound_kind::lt, N>(n); }
    template <class N> static constexpr auto le(N n) noexcept { return constraints::bound<constraints::bound_kind::le, N>(n); }
    template <class A> static constexpr constraints::pattern pattern(const A& regex) noexcept
    {
        return constraints::pattern(regex);
    }
    template <class... A> static constexpr auto one_of(const A&... values) noexcept { return constraints::one_of(values...); }
    static constexpr constraints::timestamp timestamp() noexcept { return {}; }
    template <class F, class M> static constexpr auto satisfies(F predicate, const M& message)
    {
        return constraints::satisfies<F>(std::move(predicate), message);
    }
    template <class... Cs> static constexpr auto each(Cs... cs) { return constraints::each<Cs...>(std::move(cs)...); }
};

} // namespace detail

// The description of Member of T given with AGENT_ENGINE_DESCRIPTION, or empty.
template <class T, auto Member> constexpr std::string_view member_description() noexcept
{
    using owner = detail::declarations_owner<T, Member, detail::description_declared<Member>>;
    if constexpr (!std::is_void_v<owner>)
        return agent_engine_description_fn(detail::schema_tag<owner>, detail::member_tag<Member>{});
    else
        return {};
}

// The description of the schema T given with AGENT_ENGINE_SCHEMA_DESCRIPTION, or empty.
template <class T> constexpr std::string_view schema_description() noexcept
{
    if constexpr (detail::declares_schema_description<T>)
        return agent_engine_description_fn(detail::schema_tag<T>);
    else
        return {};
}

namespace detail {

// Runs the AGENT_ENGINE_VALIDATOR functions of T's hierarchy on a fully read
// object, bases first (as pydantic runs a parent model's validators), each class
// once, in order, until one reports a problem: a value_error at the object's
// location. A base T cannot be used as (not public, or ambiguous) has none to run.
template <class T, class Input> void run_validators(const T& object, validation_context& ctx, Input&& input)
{
    bool valid = true;
    boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, hierarchy<T>>>([&](auto c) {
        using C = typename decltype(c)::type;
        if constexpr (std::is_convertible_v<const T*, const C*> && declares_validators<C>) {
            auto validators = agent_engine_validators_fn(schema_tag<C>);
            auto run = [&](auto const& f) {
                static_assert(std::is_convertible_v<std::invoke_result_t<decltype(f), const C&>,
                                                    std::optional<std::string>>,
                              "agent_engine: a validator is called as f(const T&) and returns "
                              "std::optional<std::string>: the problem, or nothing when the object is valid.");
                std::optional<std::string> problem = std::invoke(f, static_cast<const C&>(object));
                if (problem)
                    fail_value_error(ctx, *problem, input);
                return !problem;
            };
            std::apply([&](auto const&... validator) { valid = valid && (run(validator) && ...); }, validators);
        }
    });
}

} // namespace detail
} // namespace agent_engine

// Constraints for `member` of T, checked in order after the member is read:
// min_length(n), max_length(n), gt(x), ge(x), lt(x), le(x), pattern("regex"),
// one_of(a, b, ...), timestamp(), satisfies(predicate, "message"), each(...).
#define AGENT_ENGINE_CONSTRAINTS(T, member, ...)                                                   \
    [[maybe_unused]] inline auto agent_engine_constraints_fn(::agent_engine_schema_tag<T>,         \
                                                             ::agent_engine::detail::member_tag<&T::member>) \
    {                                                                                              \
        AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED(T, member, AGENT_ENGINE_CONSTRAINTS);                \
        struct vocabulary : ::agent_engine::detail::constraint_vocabulary {                        \
            static auto list() { return std::make_tuple(__VA_ARGS__); }                            \
        };                                                                                         \
        return vocabulary::list();                                                                 \
    }                                                                                              \
    AGENT_ENGINE_DETAIL_REQUIRE_FOUND((::agent_engine::detail::declares_constraints<T, &T::member>), \
                                      AGENT_ENGINE_CONSTRAINTS);

// A description of `member` of T, for its JSON Schema.
#define AGENT_ENGINE_DESCRIPTION(T, member, text)                                                  \
    [[maybe_unused]] inline constexpr const char* agent_engine_description_fn(                     \
        ::agent_engine_schema_tag<T>, ::agent_engine::detail::member_tag<&T::member>) noexcept     \
    {                                                                                              \
        AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED(T, member, AGENT_ENGINE_DESCRIPTION);                \
        return text;                                                                               \
    }                                                                                              \
    AGENT_ENGINE_DETAIL_REQUIRE_FOUND((::agent_engine::detail::declares_description<T, &T::member>), \
                                      AGENT_ENGINE_DESCRIPTION);

// A description of the schema T, for its JSON Schema.
#define AGENT_ENGINE_SCHEMA_DESCRIPTION(T, text)                                                   \
    [[maybe_unused]] inline constexpr const char* agent_engine_description_fn(::agent_engine_schema_tag<T>) noexcept \
    {                                                                                              \
        AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED_TYPE(T, AGENT_ENGINE_SCHEMA_DESCRIPTION);            \
        return text;                                                                               \
    }                                                                                              \
    AGENT_ENGINE_DETAIL_REQUIRE_FOUND(::agent_engine::detail::declares_schema_description<T>,     \
                                      AGENT_ENGINE_SCHEMA_DESCRIPTION);

// Rules across members of T, run after every member read without error (as
// pydantic's model_validator(mode="after")). Each is called as f(const T&) and
// returns std::optional<std::string>: the problem, or std::nullopt.
#define AGENT_ENGINE_VALIDATOR(T, ...)                                                             \
    [[maybe_unused]] inline auto agent_engine_validators_fn(::agent_engine_schema_tag<T>)          \
    {                                                                                              \
        AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED_TYPE(T, AGENT_ENGINE_VALIDATOR);                     \
        return std::make_tuple(__VA_ARGS__);                                                       \
    }                                                                                              \
    AGENT_ENGINE_DETAIL_REQUIRE_FOUND(::agent_engine::detail::declares_validators<T>, AGENT_ENGINE_VALIDATOR);

#endif
