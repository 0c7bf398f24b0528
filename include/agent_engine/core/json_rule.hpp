#ifndef AGENT_ENGINE_CORE_JSON_RULE_HPP
#define AGENT_ENGINE_CORE_JSON_RULE_HPP

// json_rule<T>: the one place that decides how a type is written to JSON and
// read back from it. to_dict, to_json and from_dict all go through it, and so
// do future writers and readers: they differ in where the JSON lives, never in
// what a type means.
//
// A rule is a struct with four static members:
//
//   template <class Writer> static void write(Writer& w, const T& value);
//   template <class Reader> static void read(Reader& r, T& out, validation_context& ctx);
//   static std::string label();   // the type as pydantic names it: "int", "list[str]", "Task"
//   static boost::json::value schema(schema_builder& b);   // its JSON Schema (see json_schema.hpp)
//
// `write` calls the writer's events (null, boolean, int64, uint64, number,
// string, begin_object/key/end_object, begin_array/end_array, value; and
// plain_key, for a key known to need no escape: see detail::is_plain_string) — see
// text_writer.hpp and dom_writer.hpp; with dump options, through
// detail::dump_writer. `number` is a float's (NaN and the infinities kept, as
// json.dumps writes them), `value` a free-form one's (they are null, as pydantic
// dumps Any). `read` consumes the reader's current
// value once at most (see dom_reader.hpp) and reports every problem to `ctx`
// instead of stopping; `out` starts as a default-constructed T. A list's or a
// set's `read` takes a fourth argument, how to read one of its items (by
// default, detail::read_by_rule), so that each(...) judges its items as they are read.
//
// The library ships rules for bool, every arithmetic type but the character
// types (char, char8_t, ...: neither text nor numbers), std::string,
// described enums (by name, AGENT_ENGINE_ENUM_VALUE or AGENT_ENGINE_INT_ENUM)
// and structs, std::optional and heap_optional, std::unique_ptr
// and std::shared_ptr (as optionals), sequences, sets (std::set,
// std::unordered_set, std::multiset, agent_engine::frozen_set), bytes
// (std::vector<std::byte>, agent_engine::base64_bytes and base64url_bytes),
// fixed-length tuples (std::tuple,
// std::pair, std::array), maps (keyed by strings, integers, enums, UUIDs,
// dates), std::variant,
// boost::json::value / object / array, std::chrono::sys_time,
// year_month_day and duration, agent_engine::time_of_day, boost::uuids::uuid
// and std::filesystem::path: one header each under rules/.
// For a type of your own, map it onto one of those with representation<T>
// (representation.hpp), or, for the rare type that needs the reader itself,
// specialize json_rule.

#include <agent_engine/core/detail/standard_integer.hpp>
#include <agent_engine/core/dom_reader.hpp>
#include <agent_engine/core/representation.hpp>
#include <agent_engine/core/schema_builder.hpp>
#include <agent_engine/core/validation_context.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace agent_engine {

namespace detail {
template <class> inline constexpr bool no_rule_for = false;

// Reading starts from T{}: say so before the compiler's own complaint.
template <class T> constexpr void require_default_constructible() noexcept
{
    static_assert(std::is_default_constructible_v<T>,
                  "agent_engine: a schema must be default-constructible: reading starts from a default "
                  "object so that a missing key keeps the member's in-class default. (A member can be what is "
                  "not: a std::unordered_set or std::unordered_map of a type std::hash does not know.)");
}

// Where a type with no rule stops the build: at the first use of its rule.
template <class T> void no_rule() noexcept
{
    static_assert(!is_character_v<T>,
                  "agent_engine: a character type (char, wchar_t, char8_t, char16_t, char32_t) has no JSON rule: "
                  "std::string holds text, std::int8_t or std::uint8_t a small number.");
    static_assert(no_rule_for<T> || is_character_v<T>,
                  "agent_engine: this type has no JSON rule. Describe a struct with BOOST_DESCRIBE_STRUCT, "
                  "an enum with BOOST_DESCRIBE_ENUM, use a supported standard type, map it onto one with "
                  "agent_engine::representation<T>, or specialize agent_engine::json_rule<T>.");
}
} // namespace detail

// No rule: using one is an error (detail::no_rule). Its members, not the class,
// say so, so that detail::has_rule can ask about a type without stopping the build.
template <class T> struct json_rule {
    using agent_engine_no_rule = void;
    template <class Writer> static void write(Writer&, const T&) { detail::no_rule<T>(); }
    template <class Reader> static void read(Reader&, T&, validation_context&) { detail::no_rule<T>(); }
    static std::string label()
    {
        detail::no_rule<T>();
        return {};
    }
    static boost::json::value schema(schema_builder&)
    {
        detail::no_rule<T>();
        return {};
    }
};

namespace detail {
// Whether the library or the user gave T a rule.
template <class T>
concept has_rule = !requires { typename json_rule<T>::agent_engine_no_rule; };

// json_rule<T>, checked: a type with a representation has no json_rule of its own
// (the representation's rule, rules/representation.hpp, says so by agent_engine_representation).
template <class T> struct checked_rule {
    static_assert(!has_representation<T> || requires { typename json_rule<T>::agent_engine_representation; },
                  "agent_engine: this type has both an agent_engine::representation<T> and a json_rule<T> "
                  "(one of yours, or the library's for a described struct or enum, a number, a container...): "
                  "a type is written one way; keep the one you mean.");
    using type = json_rule<T>;
};
} // namespace detail

// The rule of a member or element type, cv-ref stripped.
template <class T> using rule_of = typename detail::checked_rule<std::remove_cvref_t<T>>::type;

namespace detail {
// How a container's rule reads an item unless told otherwise: by the item's rule.
struct read_by_rule {
    template <class Reader, class T> void operator()(Reader& r, T& out, validation_context& ctx) const
    {
        rule_of<T>::read(r, out, ctx);
    }
};

// Whether T's rule reads its items as it is told to (a list's, a set's).
template <class T>
concept reads_items_as_told = requires(dom_reader& r, T& out, validation_context& ctx) {
    rule_of<T>::read(r, out, ctx, read_by_rule{});
};
} // namespace detail

namespace detail {
// After reading an object (from `whole`, its mark) that noted `repeated` keys:
// each counts once, with the errors of its last value, listed where a DOM of
// the object (like a Python dict) keeps it: at its first place.
//
// Once errors are only counted (past max_errors), those of an earlier value
// cannot be told apart, and the ones kept are the first met in the text, not
// in the object as it stands: the object is then read again, whole, from its
// DOM, as from_dict would read it, by read_again(Reader&) with a reader of the
// same type (Reader::read_again). Returns whether it was (the object is then
// read; nothing more is to be done with it).
template <class Reader, class ReadAgain>
bool settle_repeats(const Reader& r, typename Reader::mark_type whole, validation_context& ctx, std::size_t first,
                    const validation_context::repeats& repeated, ReadAgain&& read_again)
{
    if (!repeated.any())
        return false;
    if (!ctx.kept_all()) {
        boost::json::value input = r.capture(whole);
        ctx.discard_errors_from(first);
        Reader::read_again(input, read_again); // a DOM repeats no key: this read settles nothing again
        return true;
    }
    ctx.drop_superseded(first, repeated);
    if (ctx.error_count() == first)
        return false;
    boost::json::value input = r.capture(whole);
    if (!input.is_object())
        return false;
    auto const& object = input.get_object();
    ctx.sort_errors_by_key(first, [&](std::optional<std::string_view> key) {
        if (!key)
            return object.size() + 1; // about the object itself
        auto it = object.find(*key);
        return it == object.end() ? object.size() : static_cast<std::size_t>(it - object.begin());
    });
    return false;
}
} // namespace detail

} // namespace agent_engine

#endif
