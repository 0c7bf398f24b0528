#ifndef AGENT_ENGINE_CORE_SCHEMA_HPP
#define AGENT_ENGINE_CORE_SCHEMA_HPP

// Declarations that sit next to BOOST_DESCRIBE_STRUCT and say how a schema
// behaves in JSON without changing its member types:
//
//   BOOST_DESCRIBE_STRUCT(Person, (), (name, age, type_))
//   AGENT_ENGINE_REQUIRED(Person, name)          // a missing key is an error
//   AGENT_ENGINE_ALIAS(Person, type_, "type")    // JSON key differs from the member name
//   AGENT_ENGINE_VALIDATE_BY_NAME(Person)        // ... and "type_" is read too
//   AGENT_ENGINE_FORBID_EXTRA(Person)            // unknown keys are errors
//   AGENT_ENGINE_STRICT(Person)                  // no conversion between JSON kinds
//   AGENT_ENGINE_ALLOW_EXTRA(Person, extras)     // unknown keys kept in `extras` (not described),
//                                                // an agent_engine::extra_members, written back
//   AGENT_ENGINE_STR_STRIP_WHITESPACE(Person)    // str values of its fields read without
//                                                // surrounding whitespace
//   AGENT_ENGINE_STR_TO_LOWER(Person)            // ... in lower case (or STR_TO_UPPER)
//   AGENT_ENGINE_STR_MIN_LENGTH(Person, 1)       // ... with at least 1 character (and STR_MAX_LENGTH)
//
// and next to BOOST_DESCRIBE_ENUM:
//
//   AGENT_ENGINE_ENUM_VALUE(Status, in_progress, "in-progress")  // JSON value differs from the name
//   AGENT_ENGINE_INT_ENUM(Priority)              // written as its integer value (IntEnum)
//
// Each macro goes in the namespace of the type, next to BOOST_DESCRIBE_STRUCT, or
// in the global namespace (in a file of registrations, say); anywhere else it
// stops the build, since the library could not find it. What a derived schema
// inherits is in schema_model.hpp; AGENT_ENGINE_CONSTRAINTS is in constraints.hpp.

#include <agent_engine/core/detail/declaration.hpp>
#include <agent_engine/core/extra_members.hpp>
#include <agent_engine/core/schema_model.hpp>

#include <boost/preprocessor/seq/for_each.hpp>
#include <boost/preprocessor/variadic/to_seq.hpp>

#include <cstddef>
#include <tuple>
#include <type_traits>

// A declaration that turns something on for the described struct T.
#define AGENT_ENGINE_DETAIL_DECLARE_SWITCH(macro, T, kind)                                         \
    AGENT_ENGINE_DETAIL_DECLARE_FOR_TYPE(macro, inline constexpr, T, kind,                         \
                                         AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED_TYPE(T, macro); return true;)

// A length, in characters, that the str values of the described struct T keep to.
#define AGENT_ENGINE_DETAIL_DECLARE_STR_LENGTH(macro, T, kind, n)                                  \
    AGENT_ENGINE_DETAIL_DECLARE_FOR_TYPE(macro, inline constexpr, T, kind,                         \
                                         AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED_TYPE(T, macro);     \
                                         static_assert((n) >= 0, "agent_engine: " #macro "'s length must not be negative"); \
                                         return static_cast<::std::size_t>(n);)

#define AGENT_ENGINE_DETAIL_DECLARE_REQUIRED(r, T, member)                                         \
    AGENT_ENGINE_DETAIL_DECLARE_FOR_MEMBER(AGENT_ENGINE_REQUIRED, inline constexpr, T, member, required, return true;)

// Marks members of T whose key must be present in the input ("Field required").
#define AGENT_ENGINE_REQUIRED(T, ...)                                                              \
    BOOST_PP_SEQ_FOR_EACH(AGENT_ENGINE_DETAIL_DECLARE_REQUIRED, T, BOOST_PP_VARIADIC_TO_SEQ(__VA_ARGS__))

// Makes unknown keys in the input of T an error ("Extra inputs are not permitted").
#define AGENT_ENGINE_FORBID_EXTRA(T) \
    AGENT_ENGINE_DETAIL_DECLARE_SWITCH(AGENT_ENGINE_FORBID_EXTRA, T, forbid_extra)

// Reads the members of T in strict mode: no conversion between JSON kinds ("5"
// is not an int). A schema held in T reads its own members in its own mode, as
// a pydantic model with its own config (ConfigDict(strict=True)) does.
#define AGENT_ENGINE_STRICT(T) \
    AGENT_ENGINE_DETAIL_DECLARE_SWITCH(AGENT_ENGINE_STRICT, T, strict)

// Keeps the keys of an input of T that T does not describe, with their values, in
// its member `member` (an agent_engine::extra_members that BOOST_DESCRIBE_STRUCT
// does not list), and writes them back where they were (pydantic's extra='allow').
#define AGENT_ENGINE_ALLOW_EXTRA(T, member)                                                        \
    AGENT_ENGINE_DETAIL_DECLARE_FOR_TYPE(                                                          \
        AGENT_ENGINE_ALLOW_EXTRA, inline constexpr, T, allow_extra,                                \
        AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED_TYPE(T, AGENT_ENGINE_ALLOW_EXTRA);                   \
        static_assert(!::agent_engine::detail::is_described_member<T, &T::member>(),               \
                      "agent_engine: AGENT_ENGINE_ALLOW_EXTRA names a member that BOOST_DESCRIBE_STRUCT lists: the "  \
                      "extra members are not a JSON key of their own; leave it out of BOOST_DESCRIBE_STRUCT"); \
        return &T::member;)

// Reads the str values of T's fields without their leading and trailing
// whitespace (pydantic's str_strip_whitespace=True); a nested schema follows its own.
#define AGENT_ENGINE_STR_STRIP_WHITESPACE(T) \
    AGENT_ENGINE_DETAIL_DECLARE_SWITCH(AGENT_ENGINE_STR_STRIP_WHITESPACE, T, str_strip_whitespace)

// Reads the str values of T's fields in lower case (pydantic's str_to_lower=True),
// after stripping and length checks; every Unicode letter, as pydantic-core's Rust
// str::to_lowercase (final sigma included). A nested schema follows its own.
#define AGENT_ENGINE_STR_TO_LOWER(T) \
    AGENT_ENGINE_DETAIL_DECLARE_SWITCH(AGENT_ENGINE_STR_TO_LOWER, T, str_to_lower)

// The same in upper case (pydantic's str_to_upper=True).
#define AGENT_ENGINE_STR_TO_UPPER(T) \
    AGENT_ENGINE_DETAIL_DECLARE_SWITCH(AGENT_ENGINE_STR_TO_UPPER, T, str_to_upper)

// Every str value of T's fields (items and dict keys too) has at least `n`
// characters (pydantic's str_min_length=n): string_too_short otherwise. A
// member's own min_length replaces it.
#define AGENT_ENGINE_STR_MIN_LENGTH(T, n) \
    AGENT_ENGINE_DETAIL_DECLARE_STR_LENGTH(AGENT_ENGINE_STR_MIN_LENGTH, T, str_min_length, n)

// At most `n` characters (pydantic's str_max_length=n): string_too_long otherwise.
#define AGENT_ENGINE_STR_MAX_LENGTH(T, n) \
    AGENT_ENGINE_DETAIL_DECLARE_STR_LENGTH(AGENT_ENGINE_STR_MAX_LENGTH, T, str_max_length, n)

// Reads an aliased member of T from its C++ name too (pydantic's
// validate_by_name=True, populate_by_name=True before 2.11). Given both, the
// alias wins, wherever it comes, and the name is ignored (pydantic's JSON mode).
#define AGENT_ENGINE_VALIDATE_BY_NAME(T) \
    AGENT_ENGINE_DETAIL_DECLARE_SWITCH(AGENT_ENGINE_VALIDATE_BY_NAME, T, validate_by_name)

// Validates the value a member of T keeps when the input leaves it out (its
// default): its constraints and T's str config apply (pydantic's validate_default=True).
#define AGENT_ENGINE_VALIDATE_DEFAULT(T) \
    AGENT_ENGINE_DETAIL_DECLARE_SWITCH(AGENT_ENGINE_VALIDATE_DEFAULT, T, validate_default)

// Reads and writes member `member` of T under the JSON key `key`.
#define AGENT_ENGINE_ALIAS(T, member, key)                                                         \
    AGENT_ENGINE_DETAIL_DECLARE_FOR_MEMBER(AGENT_ENGINE_ALIAS, inline constexpr, T, member, alias, \
                                           return static_cast<const char*>(key);)

// A description of `member` of T, for its JSON Schema.
#define AGENT_ENGINE_DESCRIPTION(T, member, text)                                                  \
    AGENT_ENGINE_DETAIL_DECLARE_FOR_MEMBER(AGENT_ENGINE_DESCRIPTION, inline constexpr, T, member, description, \
                                           return static_cast<const char*>(text);)

// A description of the schema T, for its JSON Schema.
#define AGENT_ENGINE_SCHEMA_DESCRIPTION(T, text)                                                   \
    AGENT_ENGINE_DETAIL_DECLARE_FOR_TYPE(AGENT_ENGINE_SCHEMA_DESCRIPTION, inline constexpr, T, schema_description, \
                                         AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED_TYPE(T, AGENT_ENGINE_SCHEMA_DESCRIPTION); \
                                         return static_cast<const char*>(text);)

// Names the described struct or enum T in error reports ("2 validation errors for
// name") and in JSON Schema (its title and $defs key), instead of its C++ name.
#define AGENT_ENGINE_TITLE(T, name)                                                               \
    AGENT_ENGINE_DETAIL_DECLARE_FOR_TYPE(                                                          \
        AGENT_ENGINE_TITLE, inline constexpr, T, title,                                            \
        static_assert(::agent_engine::detail::is_described_struct_v<T> || ::agent_engine::detail::is_described_enum_v<T>, \
                      "agent_engine: AGENT_ENGINE_TITLE names a type that neither BOOST_DESCRIBE_STRUCT nor " \
                      "BOOST_DESCRIBE_ENUM describes (declare it after them)");                    \
        return static_cast<const char*>(name);)

// Writes and reads the enumerator `enumerator` of the described enum E as the
// JSON string `value` instead of its name (a str Enum member whose value is
// not its name). The declaration is a template, so that an enumerator E does
// not have is the library's error (AGENT_ENGINE_DETAIL_IF_ENUMERATOR).
#define AGENT_ENGINE_ENUM_VALUE(E, enumerator, value)                                              \
    template <class agent_engine_enum = E>                                                         \
    [[maybe_unused]] constexpr auto agent_engine_declare(::agent_engine_schema_tag<E>,             \
                                                         ::agent_engine::declare::enum_value,      \
                                                         ::agent_engine::detail::member_tag<agent_engine_enum::enumerator>) \
    {                                                                                              \
        return static_cast<const char*>(value);                                                    \
    }                                                                                              \
    AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED_ENUM(E, AGENT_ENGINE_ENUM_VALUE);                        \
    static_assert(!::agent_engine::detail::is_described_enum_v<E> ||                               \
                      AGENT_ENGINE_DETAIL_IF_ENUMERATOR(                                           \
                          E, enumerator, (::agent_engine::detail::is_described_enumerator<X, X::enumerator>()), false), \
                  "agent_engine: AGENT_ENGINE_ENUM_VALUE names an enumerator that BOOST_DESCRIBE_ENUM does not list " \
                  "(declare it after BOOST_DESCRIBE_ENUM)");                                        \
    AGENT_ENGINE_DETAIL_REQUIRE_FOUND(                                                             \
        AGENT_ENGINE_DETAIL_IF_ENUMERATOR(                                                         \
            E, enumerator, (::agent_engine::detail::declares<X, ::agent_engine::declare::enum_value, X::enumerator>), \
            true),                                                                                 \
        AGENT_ENGINE_ENUM_VALUE);

// Writes and reads the described enum E as its enumerators' integer values
// instead of their names (pydantic's IntEnum).
#define AGENT_ENGINE_INT_ENUM(E)                                                                   \
    AGENT_ENGINE_DETAIL_DECLARE_FOR_TYPE(AGENT_ENGINE_INT_ENUM, inline constexpr, E, int_enum,     \
                                         AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED_ENUM(E, AGENT_ENGINE_INT_ENUM); \
                                         return true;)

// Rules across members of T, run after every member read without error (as
// pydantic's model_validator(mode="after")). Each is called as f(const T&) and
// returns std::optional<std::string>: the problem, or std::nullopt.
#define AGENT_ENGINE_VALIDATOR(T, ...)                                                             \
    AGENT_ENGINE_DETAIL_DECLARE_FOR_TYPE(AGENT_ENGINE_VALIDATOR, inline, T, validators,            \
                                         AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED_TYPE(T, AGENT_ENGINE_VALIDATOR); \
                                         return std::make_tuple(__VA_ARGS__);)

// The schema's version, held by its integer `member` (the document's version
// number): `current` is the version this code reads and writes. A document
// without the member is version 1 (written before the schema had versions); one
// of an older version is brought forward by the AGENT_ENGINE_MIGRATIONs before it
// is read, one of a newer version is refused. Not inherited: a document's
// version is its own type's. See core/versioning.hpp.
#define AGENT_ENGINE_SCHEMA_VERSION(T, member, current)                                                   \
    AGENT_ENGINE_DETAIL_DECLARE_FOR_TYPE(                                                          \
        AGENT_ENGINE_SCHEMA_VERSION, inline constexpr, T, version,                                        \
        AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED_TYPE(T, AGENT_ENGINE_SCHEMA_VERSION);                       \
        static_assert((current) >= 1, "agent_engine: AGENT_ENGINE_SCHEMA_VERSION's current version must be 1 or more " \
                                      "(a document without the member is version 1)");              \
        static_assert((current) <= ::agent_engine::detail::max_schema_version,                    \
                      "agent_engine: AGENT_ENGINE_SCHEMA_VERSION's current version must be at most 1000: it counts " \
                      "the schema's versions (one AGENT_ENGINE_MIGRATION from each before it), it is not a date"); \
        return ::agent_engine::detail::declared_version<decltype(&T::member)>{&T::member, static_cast<int>(current)};)

// How a document of T at version `from` becomes one at version from + 1: `f` is
// called as f(boost::json::object& document) and returns agent_engine::Result<void>,
// an error (agent_engine::migration_error) when the document cannot be migrated.
// It changes the document in place; the library then sets its version. One per
// version from 1 to the current one - 1, each declared after AGENT_ENGINE_SCHEMA_VERSION.
#define AGENT_ENGINE_MIGRATION(T, from, f)                                                         \
    [[maybe_unused]] inline auto agent_engine_declare(::agent_engine_schema_tag<T>,                \
                                                      ::agent_engine::declare::migration,          \
                                                      ::agent_engine::detail::member_tag<static_cast<int>(from)>) \
    {                                                                                              \
        static_assert(::agent_engine::detail::declares<T, ::agent_engine::declare::version>,      \
                      "agent_engine: AGENT_ENGINE_MIGRATION names a type without AGENT_ENGINE_SCHEMA_VERSION (declare " \
                      "the version first, next to BOOST_DESCRIBE_STRUCT)");                        \
        static_assert((from) >= 1 && (from) < ::agent_engine::detail::declared_current_version<T>(), \
                      "agent_engine: AGENT_ENGINE_MIGRATION(T, from, f) migrates a document from version `from` " \
                      "to from + 1: `from` must be at least 1 and less than the current version AGENT_ENGINE_SCHEMA_VERSION " \
                      "declares");                                                                 \
        return f;                                                                                  \
    }                                                                                              \
    AGENT_ENGINE_DETAIL_REQUIRE_FOUND(                                                             \
        (::agent_engine::detail::declares<T, ::agent_engine::declare::migration, static_cast<int>(from)>), \
        AGENT_ENGINE_MIGRATION);

#endif
