#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_DECLARATIONS_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_DECLARATIONS_HPP

// AGENT_ENGINE_CONSTRAINTS and the words it understands (see constraints.hpp
// for their use; schema_model.hpp finds what it declares).

#include <agent_engine/core/constraints/apply.hpp>
#include <agent_engine/core/constraints/bound.hpp>
#include <agent_engine/core/constraints/discriminator.hpp>
#include <agent_engine/core/constraints/each.hpp>
#include <agent_engine/core/constraints/finite_number.hpp>
#include <agent_engine/core/constraints/kind.hpp>
#include <agent_engine/core/constraints/length.hpp>
#include <agent_engine/core/constraints/one_of.hpp>
#include <agent_engine/core/constraints/pattern.hpp>
#include <agent_engine/core/constraints/satisfies.hpp>
#include <agent_engine/core/constraints/strict.hpp>
#include <agent_engine/core/constraints/timestamp.hpp>
#include <agent_engine/core/constraints/uuid_version.hpp>
#include <agent_engine/core/detail/declaration.hpp>
#include <agent_engine/core/detail/standard_integer.hpp>

#include <concepts>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace agent_engine {
namespace detail {

// Not constexpr, never defined: where a negative min_length or max_length stops the build.
void min_length_and_max_length_must_be_0_or_more();

// What a length bound is written as: an integer constant, or an unscoped enum's.
template <class N>
concept length_count = standard_integer<N> || (std::is_enum_v<N> && std::is_convertible_v<N, long long>);

// A length bound as written: a count, refused when it compiles if it is negative
// (a std::size_t parameter would take -1 as 18446744073709551615).
template <length_count N> consteval std::size_t length_bound(N n)
{
    if (std::cmp_less(+n, 0)) // + promotes an unscoped enum to its integer
        min_length_and_max_length_must_be_0_or_more();
    return static_cast<std::size_t>(n);
}

// The member factories AGENT_ENGINE_CONSTRAINTS sees, so that `pattern(...)`
// means the constraint even where the user's namespace has its own `pattern`.
struct constraint_vocabulary {
    template <length_count N> static consteval constraints::min_length min_length(N n)
    {
        return constraints::min_length(length_bound(n));
    }
    template <length_count N> static consteval constraints::max_length max_length(N n)
    {
        return constraints::max_length(length_bound(n));
    }
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
    static constexpr constraints::strict strict() noexcept { return {}; }
    static constexpr constraints::finite_number finite_number() noexcept { return {}; }
    static constexpr constraints::uuid_version uuid_version(unsigned n) noexcept { return constraints::uuid_version(n); }
    template <class F, class M> static constexpr auto satisfies(F predicate, const M& message)
    {
        return constraints::satisfies<F>(std::move(predicate), message);
    }
    template <class... Cs> static constexpr auto each(Cs... cs) { return constraints::each<Cs...>(std::move(cs)...); }
    template <fixed_string Member> static constexpr constraints::discriminator<Member> discriminator() noexcept
    {
        return {};
    }
};

} // namespace detail
} // namespace agent_engine

// Constraints for `member` of T, checked in order after the member is read:
// min_length(n), max_length(n), gt(x), ge(x), lt(x), le(x), pattern("regex"),
// one_of(a, b, ...), timestamp(), satisfies(predicate, "message"), each(...),
// strict() (the value is read in strict mode), finite_number() (no NaN, no
// infinity), uuid_version(n) (a UUID of version n), discriminator<"member">()
// (a std::variant read as a tagged union).
// The declaration gives a lambda that makes the list: a lambda is constexpr when
// it can be, so constant constraints (a tagged union's tags) are known at compile
// time, while a satisfies() predicate that is no literal type still compiles.
#define AGENT_ENGINE_CONSTRAINTS(T, member, ...)                                                   \
    AGENT_ENGINE_DETAIL_DECLARE_FOR_MEMBER(AGENT_ENGINE_CONSTRAINTS, inline, T, member, constraints, \
                                           struct vocabulary : ::agent_engine::detail::constraint_vocabulary { \
                                               static auto list()                                  \
                                               {                                                   \
                                                   return [] { return std::make_tuple(__VA_ARGS__); }; \
                                               }                                                   \
                                           };                                                      \
                                           return vocabulary::list();)

#endif
