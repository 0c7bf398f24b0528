#ifndef AGENT_ENGINE_CORE_SCHEMA_MODEL_HPP
#define AGENT_ENGINE_CORE_SCHEMA_MODEL_HPP

// schema_model<T>: everything declared about the described struct T, resolved
// once into one table that every path reads (both readers, both writers,
// validate and JSON Schema). One inheritance rule decides what counts, for
// every kind of declaration (doc/schemas.md, "Inheritance"):
//
//   about a member, FORBID_EXTRA,     the nearest class that declares it
//   STRICT, ALLOW_EXTRA,              (derived before base, then the member's class)
//   STR_STRIP_WHITESPACE, STR_TO_LOWER,
//   STR_TO_UPPER, STR_MIN_LENGTH,
//   STR_MAX_LENGTH, VALIDATE_BY_NAME,
//   VALIDATE_DEFAULT
//   VALIDATOR                         every class, bases first, each once
//   TITLE, SCHEMA_DESCRIPTION         T's own only: they name the class
//   SCHEMA_VERSION, MIGRATION         T's own only: a document's version is its type's
//
// The accessors below (is_required, json_key, ...) are that rule; the table is
// made of them. enum_model<E>, at the end, is the same for a described enum:
// the JSON value of each enumerator (ENUM_VALUE, INT_ENUM).

#include <agent_engine/core/detail/declaration.hpp>
#include <agent_engine/core/detail/standard_integer.hpp>
#include <agent_engine/core/detail/str_config.hpp>
#include <agent_engine/core/detail/type_name.hpp>

#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace agent_engine {

class extra_members; // extra_members.hpp

namespace detail {

// What the nearest declaring class declares of Kind (about Member), else `fallback`.
template <class T, class Kind, auto... Member, class Fallback> constexpr auto nearest_declared(Fallback fallback)
{
    using C = nearest_declaring<T, Kind, Member...>;
    if constexpr (std::is_void_v<C>)
        return fallback;
    else
        return declared_by<C, Kind, Member...>();
}

// What T itself declares of Kind, else `fallback`.
template <class T, class Kind, class Fallback> constexpr auto own_declared(Fallback fallback)
{
    if constexpr (declares<T, Kind>)
        return declared_by<T, Kind>();
    else
        return fallback;
}

template <class T, auto Member>
inline constexpr bool has_constraints_v = !std::is_void_v<nearest_declaring<T, declare::constraints, Member>>;

// The tuple of constraints that count for Member of T (only when has_constraints_v);
// a constant expression when they all are (AGENT_ENGINE_CONSTRAINTS declares the
// lambda that makes them).
template <class T, auto Member> constexpr auto member_constraints()
{
    using make = decltype(declared_by<nearest_declaring<T, declare::constraints, Member>, declare::constraints, Member>());
    return make{}();
}

} // namespace detail

// True when the member pointer Member of schema T must be present in the input.
template <class T, auto Member> constexpr bool is_required() noexcept
{
    return detail::nearest_declared<T, declare::required, Member>(false);
}

// True when the schema T rejects keys it does not describe.
template <class T> constexpr bool forbids_extra() noexcept
{
    return detail::nearest_declared<T, declare::forbid_extra>(false);
}

// True when the schema T reads its members in strict mode (AGENT_ENGINE_STRICT).
template <class T> constexpr bool is_strict() noexcept
{
    return detail::nearest_declared<T, declare::strict>(false);
}

namespace detail {
template <class P> inline constexpr bool is_extras_pointer_v = false;
template <class C> inline constexpr bool is_extras_pointer_v<extra_members C::*> = true;

// The member AGENT_ENGINE_ALLOW_EXTRA names, if it is an extra_members; else the
// build stops here, and nullptr leaves it unused (which would only add errors).
template <auto Member> constexpr auto checked_extras() noexcept
{
    constexpr bool extras = is_extras_pointer_v<decltype(Member)>;
    static_assert(extras,
                  "agent_engine: AGENT_ENGINE_ALLOW_EXTRA names a member that is not an agent_engine::extra_members");
    if constexpr (extras)
        return Member;
    else
        return nullptr;
}

// Stops the build when AGENT_ENGINE_FORBID_EXTRA and ALLOW_EXTRA both count for
// a schema: ForbidFrom and AllowFrom are the classes declaring them (void: none
// does). Asked once per pair of declaring classes, so that a base's mistake is
// not reported again for each class derived from it.
template <class ForbidFrom, class AllowFrom> constexpr void require_forbid_or_allow_extra() noexcept
{
    static_assert(std::is_void_v<ForbidFrom> || std::is_void_v<AllowFrom>,
                  "agent_engine: AGENT_ENGINE_FORBID_EXTRA and AGENT_ENGINE_ALLOW_EXTRA both apply to this schema "
                  "(declared on it or on a base): unknown keys are either errors or kept, keep one of the two.");
}
} // namespace detail

// The member of (a class of) T that AGENT_ENGINE_ALLOW_EXTRA names, or nullptr
// when T ignores or forbids unknown keys.
template <class T> constexpr auto extra_member() noexcept
{
    constexpr auto member = detail::nearest_declared<T, declare::allow_extra>(nullptr);
    if constexpr (std::is_null_pointer_v<decltype(member)>)
        return nullptr;
    else
        return detail::checked_extras<member>();
}

// How T takes the str values of its fields (its str_* configuration).
template <class T> constexpr detail::str_config str_config() noexcept
{
    constexpr bool lower = detail::nearest_declared<T, declare::str_to_lower>(false);
    constexpr bool upper = detail::nearest_declared<T, declare::str_to_upper>(false);
    static_assert(!(lower && upper),
                  "agent_engine: AGENT_ENGINE_STR_TO_LOWER and AGENT_ENGINE_STR_TO_UPPER both apply to this schema "
                  "(declared on it or on a base): keep one of the two (pydantic would silently lower)");
    detail::str_config config;
    config.strip_whitespace = detail::nearest_declared<T, declare::str_strip_whitespace>(false);
    config.to_case = lower ? detail::letter_case::lower : upper ? detail::letter_case::upper : detail::letter_case::kept;
    config.min_length = detail::nearest_declared<T, declare::str_min_length>(config.min_length);
    config.max_length = detail::nearest_declared<T, declare::str_max_length>(config.max_length);
    return config;
}

// The JSON key of member descriptor D of T: its alias, else its name.
template <class T, class D> constexpr std::string_view json_key() noexcept
{
    return detail::nearest_declared<T, declare::alias, D::pointer>(D::name);
}

// The description of Member of T given with AGENT_ENGINE_DESCRIPTION, or empty.
template <class T, auto Member> constexpr std::string_view member_description() noexcept
{
    return detail::nearest_declared<T, declare::description, Member>("");
}

// The description of the schema T given with AGENT_ENGINE_SCHEMA_DESCRIPTION, or empty.
template <class T> constexpr std::string_view schema_description() noexcept
{
    return detail::own_declared<T, declare::schema_description>("");
}

// The schema's title: its AGENT_ENGINE_TITLE, else the unqualified type name (as
// pydantic names a model).
template <class T> constexpr std::string_view schema_title() noexcept
{
    if constexpr (detail::declares<T, declare::title>)
        return detail::declared_by<T, declare::title>();
    else
        return detail::unqualified_type_name<T>();
}

namespace detail {

// Whether no two of the keys are the same.
template <std::size_t N> constexpr bool all_distinct(const std::array<std::string_view, N>& keys) noexcept
{
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = i + 1; j < N; ++j)
            if (keys[i] == keys[j])
                return false;
    return true;
}

// One entry per member of T, f(I) for the I-th, indexed like public_members<T>.
template <class T, class Entry, class F> constexpr auto per_member(F f)
{
    constexpr std::size_t size = boost::mp11::mp_size<public_members<T>>::value;
    std::array<Entry, size> entries{};
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<size>>([&](auto I) { entries[I] = f(I); });
    return entries;
}

// Whether T has an AGENT_ENGINE_MIGRATION from each version 1 to current - 1;
// when not, the build stops here. Asserted in a function the version is taken
// through, not in version_model's body: clang would refuse every later use of a
// class whose static_assert failed, adding a dozen errors after this one.
template <class T, int... From> constexpr bool require_migrations(std::integer_sequence<int, From...>) noexcept
{
    // A list, not a fold: clang nests a fold's terms, and stops at 256 of them.
    constexpr bool migrates_from[] = {true, declares<T, declare::migration, From + 1>...}; // [v]: from version v
    constexpr bool whole = [&] {
        for (bool m : migrates_from)
            if (!m)
                return false;
        return true;
    }();
    static_assert(whole, "agent_engine: a versioned schema needs one AGENT_ENGINE_MIGRATION from each version before "
                         "its current one (1, 2, ..., current - 1): without one, a document of that version could not "
                         "be read");
    return whole;
}

// The index in public_members<T> of the member Member (size when none).
template <class T, auto Member> constexpr std::size_t member_index() noexcept
{
    std::size_t index = 0, found = boost::mp11::mp_size<public_members<T>>::value;
    boost::mp11::mp_for_each<public_members<T>>([&](auto d) {
        if (same_member<decltype(d)::pointer, Member>())
            found = index;
        ++index;
    });
    return found;
}

// Whether T declares AGENT_ENGINE_SCHEMA_VERSION on a member that can hold it: an
// integer BOOST_DESCRIBE_STRUCT lists. Otherwise the build stops here saying why,
// and T is taken as unversioned, so that nothing else errs after the message.
template <class T> constexpr bool declares_version() noexcept
{
    if constexpr (declares<T, declare::version>) {
        constexpr auto member = agent_engine_declare(schema_tag<T>, declare::version{}).member;
        constexpr bool described = is_described_member<T, member>();
        static_assert(described, "agent_engine: AGENT_ENGINE_SCHEMA_VERSION names a member that BOOST_DESCRIBE_STRUCT "
                                 "does not list (declare it after BOOST_DESCRIBE_STRUCT)");
        constexpr bool integer = standard_integer<std::remove_cvref_t<decltype(std::declval<T&>().*member)>>;
        static_assert(integer, "agent_engine: AGENT_ENGINE_SCHEMA_VERSION names a member that is not an integer: the "
                               "member holds the document's version number (int schema_version = 3;)");
        return described && integer;
    }
    return false;
}

// What schema_model says of T's version: none (version 0) unless T declares AGENT_ENGINE_SCHEMA_VERSION.
template <class T, bool = declares_version<T>()> struct version_model {
    static constexpr int version = 0;
    static constexpr std::size_t version_index = static_cast<std::size_t>(-1); // no member holds it
};
template <class T> struct version_model<T, true> {
    static constexpr auto declared = agent_engine_declare(schema_tag<T>, declare::version{});
    // A version out of range has already stopped the build (AGENT_ENGINE_SCHEMA_VERSION
    // says why), as has a migration missing: 1 keeps the compiler from unrolling that
    // many steps after it, or from using the migrations.
    static constexpr int declared_version =
        declared.current >= 1 && declared.current <= max_schema_version ? declared.current : 1;
    static constexpr int version =
        require_migrations<T>(std::make_integer_sequence<int, declared_version - 1>{}) ? declared_version : 1;
    static constexpr std::size_t version_index = member_index<T, declared.member>();
};

} // namespace detail

template <class T> struct schema_model : detail::version_model<T> {
    static_assert(detail::is_described_struct_v<T>, "agent_engine: schema_model is for a described struct");

    using members = detail::public_members<T>; // bases' members first
    static constexpr std::size_t size = boost::mp11::mp_size<members>::value;
    template <std::size_t I> using member = boost::mp11::mp_at_c<members, I>;
    template <std::size_t I>
    using member_type = std::remove_cvref_t<decltype(std::declval<T&>().*member<I>::pointer)>;

    // Per member, indexed like `members`.
    static constexpr auto keys = detail::per_member<T, std::string_view>([](auto I) { return json_key<T, member<I>>(); });
    static_assert(detail::all_distinct(keys),
                  "agent_engine: two members of this schema have the same JSON key (an AGENT_ENGINE_ALIAS equal to "
                  "another member's name or alias): one would overwrite the other.");
    static constexpr auto required =
        detail::per_member<T, bool>([](auto I) { return is_required<T, member<I>::pointer>(); });
    static constexpr auto descriptions =
        detail::per_member<T, std::string_view>([](auto I) { return member_description<T, member<I>::pointer>(); });
    template <std::size_t I> static constexpr bool has_constraints = detail::has_constraints_v<T, member<I>::pointer>;
    template <std::size_t I> static constexpr auto constraints()
    {
        return detail::member_constraints<T, member<I>::pointer>();
    }

    // Per type.
    static constexpr bool forbid_extra = forbids_extra<T>();
    static constexpr bool strict = is_strict<T>();
    // AGENT_ENGINE_ALLOW_EXTRA: the extra_members member of T that keeps unknown keys.
    static constexpr auto extras = extra_member<T>();
    static constexpr bool allow_extra = !std::is_null_pointer_v<decltype(extras)>;
    static_assert((detail::require_forbid_or_allow_extra<
                       detail::nearest_declaring<T, declare::forbid_extra>,
                       std::conditional_t<allow_extra, detail::nearest_declaring<T, declare::allow_extra>, void>>(),
                   true));
    static constexpr detail::str_config str = str_config<T>();
    // AGENT_ENGINE_VALIDATE_BY_NAME: a member is read from its C++ name too.
    static constexpr bool validate_by_name = detail::nearest_declared<T, declare::validate_by_name>(false);
    // AGENT_ENGINE_VALIDATE_DEFAULT: a member the input leaves out is validated.
    static constexpr bool validate_default = detail::nearest_declared<T, declare::validate_default>(false);
    static constexpr auto names = detail::per_member<T, std::string_view>([](auto I) { return member<I>::name; });
    // Whether `key` is a member's C++ name (under an alias, it is not its key).
    static constexpr bool is_member_name(std::string_view key) noexcept { return find_name(key) != size; }
    // The index of the member whose C++ name is `key`, or `size`.
    static constexpr std::size_t find_name(std::string_view key) noexcept
    {
        for (std::size_t i = 0; i < size; ++i)
            if (names[i] == key)
                return i;
        return size;
    }
    static constexpr std::string_view title = schema_title<T>();
    static constexpr std::string_view description = schema_description<T>();
    using validator_classes = detail::declaring_classes<T, declare::validators>; // bases first
    // AGENT_ENGINE_SCHEMA_VERSION (T's own): `version` is the current version, 0 when T
    // has none; `version_index` is the index of the member that holds it (none:
    // past the last member).
    static constexpr bool versioned = detail::declares_version<T>();
    using detail::version_model<T>::version;
    using detail::version_model<T>::version_index;
};

// The JSON string of the enumerator V of E: its AGENT_ENGINE_ENUM_VALUE, else `name`.
template <class E, E V> constexpr std::string_view enum_json_name(std::string_view name) noexcept
{
    if constexpr (detail::declares<E, declare::enum_value, V>)
        return detail::declared_by<E, declare::enum_value, V>();
    else
        return name;
}

namespace detail {
// One entry per enumerator of E, f(descriptor), in BOOST_DESCRIBE_ENUM's order.
template <class E, class Entry, class F> constexpr auto per_enumerator(F f)
{
    using enumerators = boost::describe::describe_enumerators<E>;
    std::array<Entry, boost::mp11::mp_size<enumerators>::value> entries{};
    std::size_t i = 0;
    boost::mp11::mp_for_each<enumerators>([&](auto d) { entries[i++] = f(d); });
    return entries;
}

// Whether no two enumerators of different values have the same JSON value (two
// of one value are one Python enum member and its alias).
template <class E, std::size_t N>
constexpr bool distinct_json_values(const std::array<std::string_view, N>& names, const std::array<E, N>& values) noexcept
{
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = i + 1; j < N; ++j)
            if (names[i] == names[j] && values[i] != values[j])
                return false;
    return true;
}
} // namespace detail

// Everything declared about the described enum E, one table that its rule reads
// on every path (both readers, both writers, validate, JSON Schema, the label),
// indexed like BOOST_DESCRIBE_ENUM's enumerators.
template <class E> struct enum_model {
    static_assert(detail::is_described_enum_v<E>, "agent_engine: enum_model is for a described enum");

    using enumerators = boost::describe::describe_enumerators<E>;
    static constexpr std::size_t size = boost::mp11::mp_size<enumerators>::value;

    // AGENT_ENGINE_INT_ENUM: the enum is written and read as its integer values.
    static constexpr bool integer = detail::declares<E, declare::int_enum>;
    // Wide enough for every value of E's underlying type.
    using integer_type =
        std::conditional_t<std::is_signed_v<std::underlying_type_t<E>>, std::int64_t, std::uint64_t>;

    static constexpr auto values = detail::per_enumerator<E, E>([](auto d) { return d.value; });
    static constexpr auto integers =
        detail::per_enumerator<E, integer_type>([](auto d) { return static_cast<integer_type>(d.value); });
    // The JSON string of each enumerator (a string enum): its AGENT_ENGINE_ENUM_VALUE, else its name.
    static constexpr auto names = detail::per_enumerator<E, std::string_view>(
        [](auto d) { return enum_json_name<E, decltype(d)::value>(decltype(d)::name); });
    static constexpr bool renamed = [] {
        bool any = false;
        boost::mp11::mp_for_each<enumerators>(
            [&](auto d) { any = any || detail::declares<E, declare::enum_value, decltype(d)::value>; });
        return any;
    }();

    static_assert(!(integer && renamed),
                  "agent_engine: AGENT_ENGINE_ENUM_VALUE renames an enumerator of an AGENT_ENGINE_INT_ENUM, which is "
                  "written as its integer value: keep one of the two.");
    static_assert(detail::distinct_json_values(names, values),
                  "agent_engine: two enumerators of this enum have the same JSON value (an AGENT_ENGINE_ENUM_VALUE "
                  "equal to another enumerator's name or value): reading it could not tell them apart.");

    // The index of the first enumerator whose value is v; nullopt for a value no
    // described enumerator has.
    static constexpr std::optional<std::size_t> find(E v) noexcept
    {
        for (std::size_t i = 0; i < size; ++i)
            if (values[i] == v)
                return i;
        return std::nullopt;
    }
    // The index of the enumerator whose JSON string is `name`.
    static constexpr std::optional<std::size_t> find_name(std::string_view name) noexcept
    {
        for (std::size_t i = 0; i < size; ++i)
            if (names[i] == name)
                return i;
        return std::nullopt;
    }
    // The index of the enumerator whose integer value is v.
    template <class Int> static constexpr std::optional<std::size_t> find_integer(Int v) noexcept
    {
        for (std::size_t i = 0; i < size; ++i)
            if (std::cmp_equal(v, integers[i]))
                return i;
        return std::nullopt;
    }
};

} // namespace agent_engine

#endif
