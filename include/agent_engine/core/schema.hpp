#ifndef AGENT_ENGINE_CORE_SCHEMA_HPP
#define AGENT_ENGINE_CORE_SCHEMA_HPP

// Declarations that sit next to BOOST_DESCRIBE_STRUCT and say how a schema
// behaves in JSON without changing its member types:
//
//   BOOST_DESCRIBE_STRUCT(Person, (), (name, age, type_))
//   AGENT_ENGINE_REQUIRED(Person, name)          // a missing key is an error
//   AGENT_ENGINE_ALIAS(Person, type_, "type")    // JSON key differs from the member name
//   AGENT_ENGINE_FORBID_EXTRA(Person)            // unknown keys are errors
//
// Each macro goes in the namespace of the type, next to BOOST_DESCRIBE_STRUCT, or
// in the global namespace (in a file of registrations, say); anywhere else it
// stops the build, since the library could not find it.

#include <agent_engine/core/detail/type_name.hpp>

#include <boost/describe/bases.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/describe/modifiers.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <boost/mp11/utility.hpp>
#include <boost/preprocessor/punctuation/comma_if.hpp>
#include <boost/preprocessor/seq/for_each_i.hpp>
#include <boost/preprocessor/variadic/to_seq.hpp>

#include <string_view>
#include <type_traits>

// Every declaration about a schema T (the macros below and those of
// constraints.hpp) is an overload whose first parameter is an
// agent_engine_schema_tag<T>, which the library finds by argument-dependent
// lookup. The tag is declared in the global namespace so that this lookup
// searches the global namespace as well as T's own.
template <class T> struct agent_engine_schema_tag {
    using type = T;
};

namespace agent_engine {
namespace detail {

template <class T> inline constexpr agent_engine_schema_tag<T> schema_tag{};

template <auto... Members> struct member_list {};
template <auto Member> struct member_tag {};

template <auto A, auto B> constexpr bool same_member() noexcept
{
    if constexpr (std::is_same_v<decltype(A), decltype(B)>)
        return A == B;
    else
        return false;
}

template <auto Member, auto... Listed>
constexpr bool listed_in(member_list<Listed...>) noexcept
{
    return (same_member<Member, Listed>() || ...);
}

template <class T>
using public_members = boost::describe::describe_members<
    T, boost::describe::mod_public | boost::describe::mod_inherited>;

template <class T> constexpr bool is_described_struct_v =
    boost::describe::has_describe_members<T>::value && std::is_class_v<T> && !std::is_union_v<T>;
template <class T> constexpr bool is_described_enum_v =
    std::is_enum_v<T> && boost::describe::has_describe_enumerators<T>::value;

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

// Whether T or one of its described bases satisfies Pred, called with the
// class's schema tag (options inherit, as pydantic's model_config does), asked
// of the derived classes first.
template <class T, class Pred> constexpr bool any_in_hierarchy(Pred pred) noexcept
{
    bool found = false;
    boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, boost::mp11::mp_reverse<hierarchy<T>>>>(
        [&](auto c) { found = found || pred(schema_tag<typename decltype(c)::type>); });
    return found;
}

// Whether a declaration about class C can be found (see agent_engine_schema_tag):
// false where it is missing, and where it is written outside C's namespace and
// the global one, or twice.
template <class C> concept declares_required = requires { agent_engine_required_fn(schema_tag<C>); };
template <class C> concept declares_forbid_extra = requires { agent_engine_forbid_extra_fn(schema_tag<C>); };
template <class C, auto Member>
concept declares_alias = requires { agent_engine_alias_fn(schema_tag<C>, member_tag<Member>{}); };
template <class C> concept declares_title = requires { agent_engine_title_fn(schema_tag<C>); };

} // namespace detail

// True when the schema T (or a base) marks the member pointer Member required.
template <class T, auto Member> constexpr bool is_required() noexcept
{
    return detail::any_in_hierarchy<T>([](auto tag) {
        if constexpr (detail::declares_required<typename decltype(tag)::type>)
            return detail::listed_in<Member>(agent_engine_required_fn(tag));
        else
            return false;
    });
}

// True when the schema T (or a base) rejects keys it does not describe.
template <class T> constexpr bool forbids_extra() noexcept
{
    return detail::any_in_hierarchy<T>([](auto tag) {
        if constexpr (detail::declares_forbid_extra<typename decltype(tag)::type>)
            return agent_engine_forbid_extra_fn(tag);
        else
            return false;
    });
}

// The JSON key of member descriptor D of T: its alias, else its name.
template <class T, class D> constexpr std::string_view json_key() noexcept
{
    std::string_view key = D::name;
    detail::any_in_hierarchy<T>([&](auto tag) {
        if constexpr (detail::declares_alias<typename decltype(tag)::type, D::pointer>) {
            key = agent_engine_alias_fn(tag, detail::member_tag<D::pointer>{});
            return true;
        } else {
            return false;
        }
    });
    return key;
}

// The schema's title: its AGENT_ENGINE_TITLE, else the unqualified type name (as
// pydantic names a model). A derived schema does not inherit it: it names a class.
template <class T> constexpr std::string_view schema_title() noexcept
{
    if constexpr (detail::declares_title<T>)
        return agent_engine_title_fn(detail::schema_tag<T>);
    else
        return detail::unqualified_type_name<T>();
}

namespace detail {

// Whether BOOST_DESCRIBE_STRUCT of T (or of a base) lists Member.
template <class T, auto Member> constexpr bool is_described_member() noexcept
{
    bool found = false;
    if constexpr (is_described_struct_v<T>)
        boost::mp11::mp_for_each<public_members<T>>(
            [&](auto d) { found = found || same_member<decltype(d)::pointer, Member>(); });
    return found;
}

template <class T, auto... Listed> constexpr bool all_described(member_list<Listed...>) noexcept
{
    return (is_described_member<T, Listed>() && ...);
}

} // namespace detail
} // namespace agent_engine

#define AGENT_ENGINE_DETAIL_MEMBER_POINTER(r, T, i, member) BOOST_PP_COMMA_IF(i) & T::member

// Stops the build when a declaration (`macro`) names a member of T that
// BOOST_DESCRIBE_STRUCT does not list: it would never be used.
#define AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED(T, member, macro)                                    \
    static_assert(::agent_engine::detail::is_described_member<T, &T::member>(),                    \
                  "agent_engine: " #macro " names a member that BOOST_DESCRIBE_STRUCT does not list " \
                  "(declare it after BOOST_DESCRIBE_STRUCT)")

// Stops the build when the declaration `macro`, whose overload is found when
// `found` holds, is written where the library cannot find it (see
// agent_engine_schema_tag): it would be ignored.
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

// Marks members of T whose key must be present in the input ("Field required").
#define AGENT_ENGINE_REQUIRED(T, ...)                                                              \
    [[maybe_unused]] inline constexpr auto agent_engine_required_fn(::agent_engine_schema_tag<T>) noexcept \
    {                                                                                              \
        AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED_TYPE(T, AGENT_ENGINE_REQUIRED);                      \
        constexpr ::agent_engine::detail::member_list<BOOST_PP_SEQ_FOR_EACH_I(                     \
            AGENT_ENGINE_DETAIL_MEMBER_POINTER, T, BOOST_PP_VARIADIC_TO_SEQ(__VA_ARGS__))>         \
            members{};                                                                             \
        static_assert(::agent_engine::detail::all_described<T>(members),                           \
                      "agent_engine: AGENT_ENGINE_REQUIRED names a member that BOOST_DESCRIBE_STRUCT does not " \
                      "list (declare it after BOOST_DESCRIBE_STRUCT)");                            \
        return members;                                                                            \
    }                                                                                              \
    AGENT_ENGINE_DETAIL_REQUIRE_FOUND(::agent_engine::detail::declares_required<T>, AGENT_ENGINE_REQUIRED);

// Makes unknown keys in the input of T an error ("Extra inputs are not permitted").
#define AGENT_ENGINE_FORBID_EXTRA(T)                                                               \
    [[maybe_unused]] inline constexpr bool agent_engine_forbid_extra_fn(::agent_engine_schema_tag<T>) noexcept \
    {                                                                                              \
        AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED_TYPE(T, AGENT_ENGINE_FORBID_EXTRA);                  \
        return true;                                                                               \
    }                                                                                              \
    AGENT_ENGINE_DETAIL_REQUIRE_FOUND(::agent_engine::detail::declares_forbid_extra<T>, AGENT_ENGINE_FORBID_EXTRA);

// Reads and writes member `member` of T under the JSON key `key`.
#define AGENT_ENGINE_ALIAS(T, member, key)                                                         \
    [[maybe_unused]] inline constexpr const char* agent_engine_alias_fn(                           \
        ::agent_engine_schema_tag<T>, ::agent_engine::detail::member_tag<&T::member>) noexcept     \
    {                                                                                              \
        AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED(T, member, AGENT_ENGINE_ALIAS);                      \
        return key;                                                                                \
    }                                                                                              \
    AGENT_ENGINE_DETAIL_REQUIRE_FOUND((::agent_engine::detail::declares_alias<T, &T::member>), AGENT_ENGINE_ALIAS);

// Names the described struct or enum T in error reports ("2 validation errors for
// title") and in JSON Schema (its title and $defs key), instead of its C++ name.
#define AGENT_ENGINE_TITLE(T, title)                                                               \
    [[maybe_unused]] inline constexpr const char* agent_engine_title_fn(::agent_engine_schema_tag<T>) noexcept \
    {                                                                                              \
        static_assert(::agent_engine::detail::is_described_struct_v<T> ||                          \
                          ::agent_engine::detail::is_described_enum_v<T>,                          \
                      "agent_engine: AGENT_ENGINE_TITLE names a type that neither BOOST_DESCRIBE_STRUCT nor " \
                      "BOOST_DESCRIBE_ENUM describes (declare it after them)");                    \
        return title;                                                                              \
    }                                                                                              \
    AGENT_ENGINE_DETAIL_REQUIRE_FOUND(::agent_engine::detail::declares_title<T>, AGENT_ENGINE_TITLE);

#endif
