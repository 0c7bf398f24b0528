#ifndef AGENT_ENGINE_CORE_DETAIL_DECLARATION_HPP
#define AGENT_ENGINE_CORE_DETAIL_DECLARATION_HPP

// How a declaration about a schema is written and found. Every declaration macro
// (schema.hpp, constraints/declarations.hpp) defines one overload of
//
//   agent_engine_declare(agent_engine_schema_tag<T>, declare::KIND [, member_tag<&T::m>])
//
// (about an enumerator of the enum T: member_tag<T::x>)
//
// found by argument-dependent lookup, and the library asks for each kind with
// one of three walks of T's described hierarchy (`nearest_declaring`,
// `declaring_classes`, or T alone). A new kind of declaration is a tag below, a
// macro, and a field of schema_model: nothing here changes.

#include <boost/describe/bases.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/describe/modifiers.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <boost/mp11/utility.hpp>

#include <type_traits>

// The tag is declared in the global namespace so that argument-dependent lookup
// searches the global namespace as well as T's own: a declaration may be
// written in either, and the macros stop the build anywhere else.
template <class T> struct agent_engine_schema_tag {
    using type = T;
};

namespace agent_engine {

// The kinds of declaration, one per macro.
namespace declare {
struct required {};
struct forbid_extra {};
struct strict {};
struct allow_extra {};
struct str_strip_whitespace {};
struct str_to_lower {};
struct str_to_upper {};
struct str_min_length {};
struct str_max_length {};
struct validate_by_name {};
struct validate_default {};
struct alias {};
struct constraints {};
struct description {};
struct schema_description {};
struct validators {};
struct title {};
struct version {};
struct migration {}; // about a version: member_tag<from>
struct enum_value {}; // about an enumerator: member_tag<E::x>
struct int_enum {};
} // namespace declare

namespace detail {

template <class T> inline constexpr agent_engine_schema_tag<T> schema_tag{};
template <auto Member> struct member_tag {};

// What AGENT_ENGINE_SCHEMA_VERSION declares: the member that holds a document's
// version, and the version this code writes.
template <class Pointer> struct declared_version {
    Pointer member;
    int current;
};

template <class T>
using public_members = boost::describe::describe_members<
    T, boost::describe::mod_public | boost::describe::mod_inherited>;

template <class T> constexpr bool is_described_struct_v =
    boost::describe::has_describe_members<T>::value && std::is_class_v<T> && !std::is_union_v<T>;
template <class T> constexpr bool is_described_enum_v =
    std::is_enum_v<T> && boost::describe::has_describe_enumerators<T>::value;

template <auto A, auto B> constexpr bool same_member() noexcept
{
    if constexpr (std::is_same_v<decltype(A), decltype(B)>)
        return A == B;
    else
        return false;
}

// Whether BOOST_DESCRIBE_STRUCT of T (or of a base) lists Member.
template <class T, auto Member> constexpr bool is_described_member() noexcept
{
    bool found = false;
    if constexpr (is_described_struct_v<T>)
        boost::mp11::mp_for_each<public_members<T>>(
            [&](auto d) { found = found || same_member<decltype(d)::pointer, Member>(); });
    return found;
}

// Whether BOOST_DESCRIBE_ENUM of E lists an enumerator whose value is V.
template <class E, E V> constexpr bool is_described_enumerator() noexcept
{
    bool found = false;
    if constexpr (is_described_enum_v<E>)
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>(
            [&](auto d) { found = found || d.value == V; });
    return found;
}

// Whether class C declares Kind (about Member): false where it does not, and
// where the declaration is written outside C's namespace and the global one.
template <class C, class Kind, auto... Member>
concept declares = requires { agent_engine_declare(schema_tag<C>, Kind{}, member_tag<Member>{}...); };

// What class C declares of Kind (about Member).
template <class C, class Kind, auto... Member> constexpr decltype(auto) declared_by()
{
    return agent_engine_declare(schema_tag<C>, Kind{}, member_tag<Member>{}...);
}

// The largest current version AGENT_ENGINE_SCHEMA_VERSION takes: a version counts
// the schema's shapes (one AGENT_ENGINE_MIGRATION from each before it), it is not
// a date; and each version is a step the compiler unrolls. (AGENT_ENGINE_SCHEMA_VERSION's
// message and doc/schemas.md say 1000.)
inline constexpr int max_schema_version = 1000;

// The current version T's AGENT_ENGINE_SCHEMA_VERSION declares; for a T without one, a
// number no migration reaches (AGENT_ENGINE_MIGRATION then says what is missing).
template <class T> constexpr int declared_current_version() noexcept
{
    if constexpr (declares<T, declare::version>)
        return agent_engine_declare(schema_tag<T>, declare::version{}).current;
    else
        return 0x7fffffff;
}

// The base descriptors of T (an mp_list), empty when T describes none.
template <class T> struct described_bases_of {
    using type = boost::mp11::mp_list<>;
};
template <class T>
    requires boost::describe::has_describe_bases<T>::value
struct described_bases_of<T> {
    using type = boost::mp11::mp_rename<boost::describe::describe_bases<T, boost::describe::mod_any_access>,
                                        boost::mp11::mp_list>;
};
template <class T> using described_bases = typename described_bases_of<T>::type;

// T and every class it describes as a base, directly or not, each once, bases
// before the classes derived from them (T last).
template <class T> struct hierarchy_of;
template <class T> using hierarchy = typename hierarchy_of<T>::type;
template <class T> struct hierarchy_of {
    template <class BaseDescriptor> using of_base = hierarchy<typename BaseDescriptor::type>;
    using type = boost::mp11::mp_unique<
        boost::mp11::mp_push_back<boost::mp11::mp_flatten<boost::mp11::mp_transform<of_base, described_bases<T>>>, T>>;
};

template <class> struct member_class;
template <class M, class C> struct member_class<M C::*> {
    using type = C;
};

template <class Kind, auto... Member> struct declares_q {
    template <class C> using fn = boost::mp11::mp_bool<declares<C, Kind, Member...>>;
};

// The class whose declaration of Kind (about Member) counts for T: the nearest
// class of T's hierarchy that makes one, derived before base (as a pydantic
// subclass redefines a field or merges model_config); for a member, else the
// class that declares the member (a schema may list an inherited member itself
// rather than name its base); void if none.
template <class T, class Kind, auto... Member> struct nearest_declaring_of {
    using candidates = boost::mp11::mp_append<boost::mp11::mp_reverse<hierarchy<T>>,
                                              boost::mp11::mp_list<typename member_class<decltype(Member)>::type...>>;
    using index = boost::mp11::mp_find_if_q<candidates, declares_q<Kind, Member...>>;
    using type = boost::mp11::mp_eval_if_c<index::value == boost::mp11::mp_size<candidates>::value, void,
                                           boost::mp11::mp_at, candidates, index>;
};
template <class T, class Kind, auto... Member>
using nearest_declaring = typename nearest_declaring_of<T, Kind, Member...>::type;

// Every class of T's hierarchy that declares Kind and that T can be used as
// (public and unambiguous), bases first.
template <class T, class Kind> struct declaring_classes_of {
    template <class C>
    using counts = boost::mp11::mp_bool<std::is_convertible_v<const T*, const C*> && declares<C, Kind>>;
    using type = boost::mp11::mp_copy_if<hierarchy<T>, counts>;
};
template <class T, class Kind> using declaring_classes = typename declaring_classes_of<T, Kind>::type;

} // namespace detail
} // namespace agent_engine

// Stops the build when the declaration `macro`, whose overload is found when
// `found` holds, is written where the library cannot find it: it would be ignored.
#define AGENT_ENGINE_DETAIL_REQUIRE_FOUND(found, macro)                                            \
    static_assert(found, "agent_engine: " #macro " must be written in the namespace of its type (next to " \
                         "BOOST_DESCRIBE_STRUCT) or in the global namespace, once: elsewhere the library "  \
                         "cannot find it")

// Stops the build when a declaration (`macro`) is about a type T that
// BOOST_DESCRIBE_STRUCT does not describe: it would never be used.
#define AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED_TYPE(T, macro)                                       \
    static_assert(::agent_engine::detail::is_described_struct_v<T>,                                 \
                  "agent_engine: " #macro " names a type that BOOST_DESCRIBE_STRUCT does not describe " \
                  "(declare it after BOOST_DESCRIBE_STRUCT)")

// Stops the build when a declaration (`macro`) is about a type E that
// BOOST_DESCRIBE_ENUM does not describe: it would never be used.
#define AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED_ENUM(E, macro)                                       \
    static_assert(::agent_engine::detail::is_described_enum_v<E>,                                   \
                  "agent_engine: " #macro " names a type that BOOST_DESCRIBE_ENUM does not describe " \
                  "(declare it after BOOST_DESCRIBE_ENUM)")

// `expr`, about the enumerator X::enumerator of X (the type E), or `otherwise`
// when E is not an enum or has no such enumerator: asked in a template, so that a
// missing one is `otherwise` rather than the compiler's own error.
#define AGENT_ENGINE_DETAIL_IF_ENUMERATOR(E, enumerator, expr, otherwise)                          \
    ([]<class X>(::agent_engine_schema_tag<X>) {                                                   \
        if constexpr (requires {                                                                   \
                          requires std::is_enum_v<X>;                                              \
                          X::enumerator;                                                           \
                      })                                                                           \
            return expr;                                                                           \
        else                                                                                       \
            return otherwise;                                                                      \
    }(::agent_engine_schema_tag<E>{}))

// Stops the build when a declaration (`macro`) names a member of T that
// BOOST_DESCRIBE_STRUCT does not list: it would never be used.
#define AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED(T, member, macro)                                    \
    static_assert(::agent_engine::detail::is_described_member<T, &T::member>(),                    \
                  "agent_engine: " #macro " names a member that BOOST_DESCRIBE_STRUCT does not list " \
                  "(declare it after BOOST_DESCRIBE_STRUCT)")

// What a declaration macro about the type T expands to: the overload, whose
// `body` checks T and returns what is declared, then a check that it is found.
// `specifiers`: `inline constexpr`, or `inline` where the body builds run-time
// values (constraints, validators).
#define AGENT_ENGINE_DETAIL_DECLARE_FOR_TYPE(macro, specifiers, T, kind, ...)                      \
    [[maybe_unused]] specifiers auto agent_engine_declare(::agent_engine_schema_tag<T>,            \
                                                          ::agent_engine::declare::kind)           \
    {                                                                                              \
        __VA_ARGS__                                                                                \
    }                                                                                              \
    AGENT_ENGINE_DETAIL_REQUIRE_FOUND((::agent_engine::detail::declares<T, ::agent_engine::declare::kind>), macro);

// The same for a declaration about `member` of T, which must be described.
#define AGENT_ENGINE_DETAIL_DECLARE_FOR_MEMBER(macro, specifiers, T, member, kind, ...)            \
    [[maybe_unused]] specifiers auto agent_engine_declare(                                         \
        ::agent_engine_schema_tag<T>, ::agent_engine::declare::kind,                               \
        ::agent_engine::detail::member_tag<&T::member>)                                            \
    {                                                                                              \
        AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED(T, member, macro);                                   \
        __VA_ARGS__                                                                                \
    }                                                                                              \
    AGENT_ENGINE_DETAIL_REQUIRE_FOUND(                                                             \
        (::agent_engine::detail::declares<T, ::agent_engine::declare::kind, &T::member>), macro);

#endif
