#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_APPLY_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_APPLY_HPP

// Applying the constraints of one member to its value and to its JSON Schema.

#include <agent_engine/core/constraints/kind.hpp>
#include <agent_engine/core/detail/is_optional.hpp>
#include <agent_engine/core/detail/standard_integer.hpp>
#include <agent_engine/core/json_rule.hpp>
#include <agent_engine/core/validation_context.hpp>

#include <boost/json/value.hpp>

#include <concepts>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace agent_engine::detail {

// A constraint checked before the others, wherever it is declared
// (finite_number: pydantic's float refuses NaN before a bound judges it).
template <class C>
concept checked_first = std::remove_cvref_t<C>::checked_first;

// A constraint on a container's items, judged as each item is read, as
// pydantic's list[Annotated[T, ...]] (each): its `inner` constraints.
template <class C>
concept judges_items = std::remove_cvref_t<C>::judges_items;

// Checks the constraints in the order written (those checked_first before the
// rest) and stops at the first that fails. `input()` gives the value as its
// input held it, which an error shows: pydantic shows the 0 given, not the 0.0
// a double member holds, "5" for a lax "5", the list a set was read from.
template <class V, class Input, class... Cs>
bool check_constraints(const V& v, const std::tuple<Cs...>& cs, validation_context& ctx, const Input& input)
{
    if constexpr (is_nullable_v<V>) {
        return !v || check_constraints(*v, cs, ctx, input);
    } else {
        return std::apply([&](auto const&... c) {
            return ((!checked_first<decltype(c)> || c.check(v, ctx, input)) && ...) &&
                   ((checked_first<decltype(c)> || c.check(v, ctx, input)) && ...);
        }, cs);
    }
}

// A constraint that reads the member's value itself (one_of: pydantic's Literal
// is not its member type's validation, it replaces it).
template <class C>
concept reads_input = std::remove_cvref_t<C>::reads_input;

// A constraint that sets the mode the value is read in (strict()).
template <class C>
concept sets_strict = std::remove_cvref_t<C>::sets_strict;

// A constraint judged even when the value's items failed (max_length of a list
// or a set), which then replaces their errors.
template <class C, class V>
concept judges_despite_item_errors = requires(const C& c, const V& v, validation_context& ctx) {
    c.check_despite_item_errors(v, ctx, std::size_t{}, [] { return boost::json::value(); });
};

// Whether the member's constraints apply to V: each to its type (a kind's
// require<V>()), and strict() not beside one_of. One that does not stops the
// build with its own message; read_constrained and annotate_schema then compile
// nothing more of them for V, which would only add errors around it.
template <class V, class... Cs> constexpr bool constraints_apply()
{
    if constexpr (!(std::remove_cvref_t<Cs>::template require<V>() && ...)) {
        return false;
    } else {
        constexpr bool strict_with_one_of = (sets_strict<Cs> || ...) && (reads_input<Cs> || ...);
        static_assert(!strict_with_one_of,
                      "agent_engine: strict() cannot go with one_of(...), as pydantic refuses Strict() on a Literal: "
                      "one_of takes the listed values only (and 1.0 or true for 1, as pydantic's Literal); drop "
                      "strict().");
        return !strict_with_one_of;
    }
}

// The constraints a constraint puts on the items of a value: each(...)'s, or none.
template <class C> auto inner_of(const C& c)
{
    if constexpr (judges_items<C>) {
        return c.inner;
    } else {
        return std::tuple<>();
    }
}

// Reads a member that has constraints and checks them, in order, stopping at the
// first that fails; each(...) judges the items as they are read. A value that did
// not read cleanly is not checked, but by a constraint that judges it despite its
// items' errors (judges_despite_item_errors). A constraint that reads the value
// itself (reads_input: one_of) reads it; with strict() the value is read in
// strict mode.
//
// An integer beyond its C++ type is judged as pydantic judges it: its int has no
// width, and the range of the type is, for it, a ge and an le, replaced by the
// member's own and checked le first (pydantic-core checks le, lt, ge, gt). So a
// number above the range fails the member's le if it has one, else the type's
// maximum; below, the member's ge, else the type's minimum: 3000000000 for an int
// with le(5) is "less than or equal to 5"; with lt(10), "less than or equal to
// 2147483647", as for pydantic's Annotated[int, Field(ge=-2**31, le=2**31-1), Field(lt=10)].

template <class Reader, class V, class... Cs>
void read_constrained(Reader& r, V& out, const std::tuple<Cs...>& cs, validation_context& ctx)
{
    if constexpr ((sets_strict<Cs> || ...)) {
        if (!ctx.strict()) { // strict() on the member: read again below, now strict
            auto strictness = ctx.strict_value();
            read_constrained(r, out, cs, ctx);
            return;
        }
    }
    if constexpr (is_nullable_v<V>) {
        if (r.kind() == boost::json::kind::null) {
            rule_of<V>::read(r, out, ctx);
            return;
        }
        // a value read from input starts from its type's own defaults
        read_constrained(r, nullable<V>::emplace(out), cs, ctx);
    } else if constexpr (!constraints_apply<V, Cs...>()) {
        return;
    } else if constexpr ((reads_input<Cs> || ...)) {
        bool read = false; // by the first that reads
        std::apply([&](auto const&... c) {
            auto read_by = [&](auto const& reader) {
                if constexpr (reads_input<decltype(reader)>) {
                    if (!read) {
                        read = true;
                        if (reader.read(r, out, ctx))
                            check_constraints(out, cs, ctx, [&] { return r.capture(); });
                    }
                }
            };
            (read_by(c), ...);
        }, cs);
    } else if constexpr (detail::standard_integer<V>) {
        auto as_given = [&] { return r.capture(); };
        auto exact = rule_of<V>::read_exact(r, ctx);
        if (!exact)
            return;
        if (int side = rule_of<V>::side_of(*exact)) {
            bool failed = false; // the member's own bound at that end, if it has one, judges first
            std::apply([&](auto const&... c) {
                auto judge = [&](auto const& bound) {
                    using C = std::remove_cvref_t<decltype(bound)>;
                    if constexpr (requires { C::is_le; }) {
                        if (!failed && (side > 0 ? C::is_le : C::is_ge))
                            failed = !exact->visit([&](auto v) { return bound.check(v, ctx, as_given); });
                    }
                };
                (judge(c), ...);
            }, cs);
            if (failed)
                return;
        }
        if (rule_of<V>::fit(r, *exact, out, ctx))
            check_constraints(out, cs, ctx, as_given);
    } else {
        auto as_given = [&] { return r.capture(); };
        std::size_t before = ctx.error_count();
        if constexpr ((judges_items<Cs> || ...)) {
            auto const items = std::apply([](auto const&... c) { return std::tuple_cat(inner_of(c)...); }, cs);
            rule_of<V>::read(r, out, ctx, [&](auto& r, auto& item, validation_context& ctx) {
                read_constrained(r, item, items, ctx);
            });
        } else {
            rule_of<V>::read(r, out, ctx);
        }
        if (ctx.error_count() == before) // constraints refine a value of the right type
            check_constraints(out, cs, ctx, as_given);
        else if constexpr ((judges_despite_item_errors<Cs, V> || ...))
            std::apply([&](auto const&... c) {
                auto judge = [&](auto const& constraint) {
                    if constexpr (judges_despite_item_errors<decltype(constraint), V>)
                        return !constraint.check_despite_item_errors(out, ctx, before, as_given);
                    else
                        return false;
                };
                (judge(c) || ...);
            }, cs);
    }
}

// Adds the constraints' keywords to the schema of V (for an optional or a smart
// pointer, to its non-null branch).
template <class V, class... Cs> void annotate_schema(boost::json::value& s, const std::tuple<Cs...>& cs)
{
    if constexpr (is_nullable_v<V>) {
        annotate_schema<std::remove_cvref_t<decltype(*std::declval<const V&>())>>(
            s.as_object()["anyOf"].as_array()[0], cs);
    } else if constexpr (constraints_apply<V, Cs...>()) {
        auto& o = s.as_object();
        std::apply([&](auto const&... c) { (c.template annotate<V>(o), ...); }, cs);
    }
}

} // namespace agent_engine::detail

#endif
