#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_HPP

// Validation rules declared next to BOOST_DESCRIBE_STRUCT, without changing
// member types (pydantic's Field(min_length=1, pattern=...) and validators):
//
//   BOOST_DESCRIBE_STRUCT(Stage, (), (stage_id, retries, status, started_at, completed_at))
//   AGENT_ENGINE_CONSTRAINTS(Stage, stage_id, min_length(1), pattern("^stage-"))
//   AGENT_ENGINE_CONSTRAINTS(Stage, retries, ge(0), le(10))
//   AGENT_ENGINE_CONSTRAINTS(Stage, status, one_of("pending", "done"))
//   AGENT_ENGINE_CONSTRAINTS(Stage, started_at, timestamp())          // optional: null passes
//   AGENT_ENGINE_CONSTRAINTS(Stage, tags, max_length(8), each(min_length(1)))
//   AGENT_ENGINE_CONSTRAINTS(Stage, note, satisfies(is_trimmed, "no surrounding spaces"))
//   AGENT_ENGINE_DESCRIPTION(Stage, stage_id, "Unique id of the stage")
//   AGENT_ENGINE_SCHEMA_DESCRIPTION(Stage, "One stage of a task")
//   AGENT_ENGINE_VALIDATOR(Stage, completed_after_started)   // std::optional<std::string>(const Stage&)
//
// Like BOOST_DESCRIBE_STRUCT, each macro goes in the namespace of the type: it
// defines an overload that argument-dependent lookup finds. A member gets one
// AGENT_ENGINE_CONSTRAINTS; its constraints are checked in the order written and
// the first that fails reports (pydantic reports one error per field). A
// constraint on an std::optional member applies to the contained value.

#include <agent_engine/core/detail/is_optional.hpp>
#include <agent_engine/core/detail/python_repr.hpp>
#include <agent_engine/core/detail/timestamp.hpp>
#include <agent_engine/core/dom_writer.hpp>
#include <agent_engine/core/json_rule.hpp>
#include <agent_engine/core/schema.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <boost/regex.hpp> // header-only since Boost 1.76: no library to link

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace agent_engine {
namespace detail {

template <class V> inline constexpr bool is_text_v = std::is_convertible_v<const V&, std::string_view>;
template <class V> inline constexpr bool is_number_v = std::is_arithmetic_v<V> && !std::is_same_v<V, bool>;
template <class V>
inline constexpr bool is_container_v = !is_text_v<V> && requires(const V& v) { std::size(v); };
template <class V>
inline constexpr bool is_mapping_v =
    is_container_v<V> && (requires { typename V::mapped_type; } || std::is_same_v<V, boost::json::object>);

// pydantic counts a string's length in characters (code points), as len() does.
inline std::size_t code_points(std::string_view s) noexcept
{
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

// How a value appears as the `input` of an error: its JSON form.
template <class V> boost::json::value as_input(const V& v)
{
    dom_writer w;
    rule_of<V>::write(w, v);
    return w.release();
}

template <class N> boost::json::value number_value(N n)
{
    if constexpr (std::is_floating_point_v<N>)
        return static_cast<double>(n);
    else if constexpr (std::is_signed_v<N>)
        return static_cast<std::int64_t>(n);
    else
        return static_cast<std::uint64_t>(n);
}

// A number as pydantic prints it in a message: 3, 0.5, 1e-07.
template <class N> void append_number(std::string& out, N n)
{
    if constexpr (std::is_floating_point_v<N>)
        append_double(out, static_cast<double>(n));
    else
        append_integer(out, n);
}

// "'a', 'b' or 'c'": how pydantic lists the allowed values of an enum or literal.
template <class Range, class Append> std::string join_alternatives(const Range& items, Append append)
{
    std::string out;
    std::size_t i = 0, n = std::size(items);
    for (auto const& item : items) {
        if (i > 0)
            out += i + 1 == n ? " or " : ", ";
        append(out, item);
        ++i;
    }
    return out;
}

// A failed rule written in Python (`raise ValueError(message)`) as pydantic reports it.
// `input()` gives the value; it is called only if the error is kept.
template <class Input> void fail_value_error(validation_context& ctx, std::string_view message, Input&& input)
{
    ctx.fail("value_error", [&] {
        return validation_context::error_parts{"Value error, " + std::string(message), input(), {{"error", message}}};
    });
}

// Why `s` is not an RFC 3339 date-time with a timezone, as pydantic's
// AwareDatetime says it, or nothing when it is one.
struct timestamp_problem {
    const char* type;
    const char* reason; // null for the error types that have no ctx
};
inline std::optional<timestamp_problem> check_timestamp(std::string_view s) noexcept
{
    timestamp_fields fields;
    if (const char* reason = read_timestamp(s, fields))
        return timestamp_problem{"datetime_from_date_parsing", reason};
    if (!fields.has_time || !fields.has_offset) // RFC 3339 requires the offset; AwareDatetime too
        return timestamp_problem{"timezone_aware", nullptr};
    return std::nullopt;
}

// Text a constraint keeps (pattern, one_of's strings, satisfies' message) is a
// view, to keep declarations constexpr: a string literal or other const char*,
// or a std::string_view, whose text must outlive the schema's use. A std::string
// (often a temporary) would leave the view dangling, so it stops the build.
template <class A>
inline constexpr bool is_kept_text_v =
    std::is_convertible_v<const A&, const char*> || std::is_same_v<A, std::string_view>;
template <class A> constexpr std::string_view kept_text(const A& text) noexcept
{
    static_assert(is_kept_text_v<A>,
                  "agent_engine: the text of pattern, one_of and satisfies must be a string literal, not a "
                  "std::string: the constraint keeps a view of it, which would dangle.");
    if constexpr (is_kept_text_v<A>)
        return std::string_view(text);
    else
        return {};
}

// Whether `s` contains a match of `pattern` (ECMAScript/Perl syntax, search
// semantics as re.search): true or false, or why the pattern could not be
// evaluated. Patterns compile once per process, on first use (a pattern that
// does not compile is remembered with its error). Boost.Regex matches without
// recursion, so a long input cannot overflow the stack; it throws instead when
// a match grows too costly. Every exception becomes the error text.
struct pattern_search {
    bool matched = false;
    std::optional<std::string> error;
};
inline pattern_search search_pattern(std::string_view pattern, std::string_view s)
{
    struct compiled {
        std::optional<boost::regex> regex;
        std::string error;
    };
    try {
        static std::mutex mutex;
        static std::map<std::string, compiled, std::less<>> cache;
        const compiled* entry;
        {
            std::lock_guard lock(mutex);
            auto found = cache.find(pattern);
            if (found == cache.end()) {
                compiled c;
                try {
                    // ^ and $ at the ends of the string only, . not across a newline:
                    // as ECMAScript and pydantic (Rust regex), unlike Boost's Perl default.
                    c.regex.emplace(pattern.begin(), pattern.end(),
                                    boost::regex::ECMAScript | boost::regex::no_mod_m | boost::regex::no_mod_s);
                } catch (const std::exception& e) {
                    c.error = e.what();
                }
                found = cache.emplace(std::string(pattern), std::move(c)).first;
            }
            entry = &found->second; // map nodes never move; entries are never erased
        }
        if (!entry->regex)
            return {false, entry->error};
        return {boost::regex_search(s.begin(), s.end(), *entry->regex), std::nullopt};
    } catch (const std::exception& e) {
        return {false, std::string(e.what())};
    } catch (...) {
        return {false, std::string("unknown error")};
    }
}

} // namespace detail

// The constraint kinds. Each has
//   template <class V> bool check(const V&, validation_context&) const;  // reports and returns false on failure
//   template <class V> void annotate(boost::json::object& schema) const;  // adds its JSON Schema keywords
// and static_asserts that it makes sense for the member type V.
namespace constraints {

namespace detail_length {
template <class V> void require()
{
    static_assert(agent_engine::detail::is_text_v<V> || agent_engine::detail::is_container_v<V>,
                  "agent_engine: min_length/max_length apply to a string or a container member.");
}
template <class V> std::size_t length(const V& v)
{
    if constexpr (agent_engine::detail::is_text_v<V>)
        return agent_engine::detail::code_points(std::string_view(v));
    else if constexpr (agent_engine::detail::is_container_v<V>)
        return std::size(v);
    else
        return 0; // rejected by require<V>(); no second error
}
template <class V> const char* schema_keyword(bool at_least)
{
    if constexpr (agent_engine::detail::is_text_v<V>)
        return at_least ? "minLength" : "maxLength";
    else if constexpr (agent_engine::detail::is_mapping_v<V>)
        return at_least ? "minProperties" : "maxProperties";
    else
        return at_least ? "minItems" : "maxItems";
}
// string_too_short / too_long and friends, worded as pydantic does.
template <class V> void fail(validation_context& ctx, const V& v, bool at_least, std::size_t limit)
{
    constexpr bool text = agent_engine::detail::is_text_v<V>;
    std::string_view type = text ? (at_least ? "string_too_short" : "string_too_long")
                                 : (at_least ? "too_short" : "too_long");
    ctx.fail(type, [&] {
        std::string msg;
        std::string_view limit_key = at_least ? "min_length" : "max_length";
        boost::json::object details;
        if constexpr (text) {
            msg = at_least ? "String should have at least " : "String should have at most ";
            agent_engine::detail::append_integer(msg, limit);
            msg += limit == 1 ? " character" : " characters";
            details.emplace(limit_key, limit);
        } else {
            const char* field_type = agent_engine::detail::is_mapping_v<V> ? "Dictionary" : "List";
            msg = field_type;
            msg += at_least ? " should have at least " : " should have at most ";
            agent_engine::detail::append_integer(msg, limit);
            msg += limit == 1 ? " item after validation, not " : " items after validation, not ";
            agent_engine::detail::append_integer(msg, std::size(v));
            details.emplace("field_type", field_type);
            details.emplace(limit_key, limit);
            details.emplace("actual_length", std::size(v));
        }
        return validation_context::error_parts{std::move(msg), agent_engine::detail::as_input(v), std::move(details)};
    });
}
} // namespace detail_length

// At least `limit` characters (code points) of a string, or items of a container.
struct min_length {
    std::size_t limit;
    constexpr explicit min_length(std::size_t n) noexcept : limit(n) {}
    template <class V> bool check(const V& v, validation_context& ctx) const
    {
        detail_length::require<V>();
        if (detail_length::length(v) >= limit)
            return true;
        detail_length::fail(ctx, v, true, limit);
        return false;
    }
    template <class V> void annotate(boost::json::object& s) const
    {
        detail_length::require<V>();
        s[detail_length::schema_keyword<V>(true)] = limit;
    }
};

// At most `limit` characters (code points) of a string, or items of a container.
struct max_length {
    std::size_t limit;
    constexpr explicit max_length(std::size_t n) noexcept : limit(n) {}
    template <class V> bool check(const V& v, validation_context& ctx) const
    {
        detail_length::require<V>();
        if (detail_length::length(v) <= limit)
            return true;
        detail_length::fail(ctx, v, false, limit);
        return false;
    }
    template <class V> void annotate(boost::json::object& s) const
    {
        detail_length::require<V>();
        s[detail_length::schema_keyword<V>(false)] = limit;
    }
};

enum class bound_kind { gt, ge, lt, le };

// A numeric bound: gt(0), ge(0), lt(1.5), le(10).
template <bound_kind Kind, class N> struct bound {
    static_assert(agent_engine::detail::is_number_v<N>, "agent_engine: a numeric bound (ge, gt, le, lt) must be a number.");
    N limit;
    constexpr explicit bound(N n) noexcept : limit(n) {}

    struct wording {
        const char* type;
        const char* message;
        const char* ctx_key;
        const char* schema_keyword;
    };
    static constexpr wording words = [] {
        switch (Kind) {
        case bound_kind::gt: return wording{"greater_than", "Input should be greater than ", "gt", "exclusiveMinimum"};
        case bound_kind::ge:
            return wording{"greater_than_equal", "Input should be greater than or equal to ", "ge", "minimum"};
        case bound_kind::lt: return wording{"less_than", "Input should be less than ", "lt", "exclusiveMaximum"};
        default: return wording{"less_than_equal", "Input should be less than or equal to ", "le", "maximum"};
        }
    }();

    template <class V> static void require()
    {
        static_assert(agent_engine::detail::is_number_v<V>,
                      "agent_engine: a numeric bound (ge, gt, le, lt) applies to a number member.");
    }
    template <class V> bool holds(V v) const
    {
        if constexpr (std::is_integral_v<V> && std::is_integral_v<N>) {
            switch (Kind) {
            case bound_kind::gt: return std::cmp_greater(v, limit);
            case bound_kind::ge: return std::cmp_greater_equal(v, limit);
            case bound_kind::lt: return std::cmp_less(v, limit);
            default: return std::cmp_less_equal(v, limit);
            }
        } else {
            auto x = static_cast<long double>(v), l = static_cast<long double>(limit);
            switch (Kind) {
            case bound_kind::gt: return x > l;
            case bound_kind::ge: return x >= l;
            case bound_kind::lt: return x < l;
            default: return x <= l;
            }
        }
    }
    template <class V> bool check(const V& v, validation_context& ctx) const
    {
        require<V>();
        if (holds(v))
            return true;
        ctx.fail(words.type, [&] {
            std::string msg = words.message;
            agent_engine::detail::append_number(msg, limit);
            return validation_context::error_parts{std::move(msg), agent_engine::detail::as_input(v),
                                                   {{words.ctx_key, agent_engine::detail::number_value(limit)}}};
        });
        return false;
    }
    template <class V> void annotate(boost::json::object& s) const
    {
        require<V>();
        s[words.schema_keyword] = agent_engine::detail::number_value(limit);
    }
};

// The string contains a match of an ECMAScript regular expression (anchor it with
// ^ and $ to match the whole string), as pydantic's re.search does. A pattern
// that cannot be evaluated reports string_pattern_mismatch with ctx.error.
struct pattern {
    std::string_view regex;
    template <class A> constexpr explicit pattern(const A& r) noexcept : regex(agent_engine::detail::kept_text(r)) {}
    template <class V> static void require()
    {
        static_assert(agent_engine::detail::is_text_v<V>, "agent_engine: pattern applies to a string member.");
    }
    template <class V> bool check(const V& v, validation_context& ctx) const
    {
        require<V>();
        auto found = agent_engine::detail::search_pattern(regex, std::string_view(v));
        if (found.matched)
            return true;
        ctx.fail("string_pattern_mismatch", [&] {
            validation_context::error_parts e{"String should match pattern '" + std::string(regex) + "'",
                                              agent_engine::detail::as_input(v), {{"pattern", regex}}};
            // An invalid pattern, or a match too costly to finish: still this member's
            // error, with the reason (pydantic has no such case; its regex engine cannot fail).
            if (found.error) {
                e.msg += ", which could not be evaluated: " + *found.error;
                e.ctx.emplace("error", *found.error);
            }
            return e;
        });
        return false;
    }
    template <class V> void annotate(boost::json::object& s) const
    {
        require<V>();
        s["pattern"] = regex;
    }
};

// The value is one of the listed strings or numbers (pydantic's Literal).
template <class L, std::size_t N> struct one_of {
    std::array<L, N> values;
    template <class... A> constexpr explicit one_of(const A&... a) noexcept : values{element(a)...} {}
    template <class A> static constexpr L element(const A& a) noexcept
    {
        if constexpr (std::is_same_v<L, std::string_view>)
            return agent_engine::detail::kept_text(a);
        else
            return L(a);
    }

    template <class V> static void require()
    {
        static_assert((agent_engine::detail::is_text_v<V> && std::is_same_v<L, std::string_view>) ||
                          (agent_engine::detail::is_number_v<V> && agent_engine::detail::is_number_v<L>),
                      "agent_engine: one_of lists strings for a string member, numbers for a number member.");
    }
    template <class V> bool check(const V& v, validation_context& ctx) const
    {
        require<V>();
        for (auto const& allowed : values) {
            if constexpr (std::is_same_v<L, std::string_view>) {
                if (std::string_view(v) == allowed)
                    return true;
            } else if constexpr (std::is_integral_v<L> && std::is_integral_v<V>) {
                if (std::cmp_equal(v, allowed))
                    return true;
            } else if (static_cast<long double>(v) == static_cast<long double>(allowed)) {
                return true;
            }
        }
        ctx.fail("literal_error", [&] {
            std::string expected = agent_engine::detail::join_alternatives(values, [](std::string& out, const L& x) {
                if constexpr (std::is_same_v<L, std::string_view>)
                    agent_engine::detail::append_python_str(out, x);
                else
                    agent_engine::detail::append_number(out, x);
            });
            return validation_context::error_parts{"Input should be " + expected, agent_engine::detail::as_input(v),
                                                   {{"expected", expected}}};
        });
        return false;
    }
    template <class V> void annotate(boost::json::object& s) const
    {
        require<V>();
        boost::json::array e;
        for (auto const& x : values) {
            if constexpr (std::is_same_v<L, std::string_view>)
                e.emplace_back(x);
            else
                e.push_back(agent_engine::detail::number_value(x));
        }
        s["enum"] = std::move(e);
    }
};

namespace detail_one_of {
template <class A> struct literal {
    using type = A;
};
template <> struct literal<const char*> {
    using type = std::string_view;
};
template <> struct literal<char*> {
    using type = std::string_view;
};
template <> struct literal<std::string> { // rejected by the constructor, with the reason
    using type = std::string_view;
};
} // namespace detail_one_of

template <class A, class... R>
one_of(A, R...) -> one_of<typename detail_one_of::literal<A>::type, 1 + sizeof...(R)>;

// An RFC 3339 date-time with a timezone: "2025-12-06T02:45:18.337698Z",
// "2025-12-06T03:45:18+01:00". JSON Schema's format "date-time".
struct timestamp {
    template <class V> bool check(const V& v, validation_context& ctx) const
    {
        static_assert(agent_engine::detail::is_text_v<V>, "agent_engine: timestamp applies to a string member.");
        auto problem = agent_engine::detail::check_timestamp(std::string_view(v));
        if (!problem)
            return true;
        ctx.fail(problem->type, [&] {
            auto input = agent_engine::detail::as_input(v);
            if (!problem->reason)
                return validation_context::error_parts{"Input should have timezone info", std::move(input)};
            return validation_context::error_parts{
                std::string("Input should be a valid datetime or date, ") + problem->reason, std::move(input),
                {{"error", problem->reason}}};
        });
        return false;
    }
    template <class V> void annotate(boost::json::object& s) const
    {
        static_assert(agent_engine::detail::is_text_v<V>, "agent_engine: timestamp applies to a string member.");
        s["format"] = "date-time";
    }
};

// predicate(value) must hold; otherwise a value_error "Value error, <message>".
template <class F> struct satisfies {
    F predicate;
    std::string_view message;
    template <class M>
    constexpr satisfies(F f, const M& m) noexcept(std::is_nothrow_move_constructible_v<F>)
        : predicate(std::move(f)), message(agent_engine::detail::kept_text(m))
    {
    }
    template <class V> bool check(const V& v, validation_context& ctx) const
    {
        static_assert(std::is_invocable_r_v<bool, const F&, const V&>,
                      "agent_engine: satisfies needs a predicate callable as bool(const Member&).");
        if (std::invoke(predicate, v))
            return true;
        agent_engine::detail::fail_value_error(ctx, message, [&] { return agent_engine::detail::as_input(v); });
        return false;
    }
    template <class V> void annotate(boost::json::object&) const {} // JSON Schema cannot say it
};

template <class... Cs> struct each;

} // namespace constraints

namespace detail {

// Checks the constraints in order and stops at the first that fails.
template <class V, class... Cs> bool check_constraints(const V& v, const std::tuple<Cs...>& cs, validation_context& ctx)
{
    if constexpr (is_optional_v<V>) {
        return !v || check_constraints(*v, cs, ctx);
    } else {
        return std::apply([&](auto const&... c) { return (c.check(v, ctx) && ...); }, cs);
    }
}

// Adds the constraints' keywords to the schema of V (for an optional, to its non-null branch).
template <class V, class... Cs> void annotate_schema(boost::json::value& s, const std::tuple<Cs...>& cs)
{
    if constexpr (is_optional_v<V>) {
        annotate_schema<typename V::value_type>(s.as_object()["anyOf"].as_array()[0], cs);
    } else {
        auto& o = s.as_object();
        std::apply([&](auto const&... c) { (c.template annotate<V>(o), ...); }, cs);
    }
}

} // namespace detail

namespace constraints {

// Constraints for every item of a list: each(min_length(1), pattern("^x")).
// Every failing item reports, located by its index.
template <class... Cs> struct each {
    std::tuple<Cs...> inner;
    constexpr explicit each(Cs... cs) : inner(std::move(cs)...) {}

    template <class V> static void require()
    {
        static_assert(agent_engine::detail::is_container_v<V> && !agent_engine::detail::is_mapping_v<V>,
                      "agent_engine: each applies to a list member.");
    }
    template <class V> bool check(const V& v, validation_context& ctx) const
    {
        require<V>();
        bool ok = true;
        std::size_t i = 0;
        for (auto const& item : v) {
            auto at = ctx.at(i++);
            ok = agent_engine::detail::check_constraints(item, inner, ctx) && ok;
        }
        return ok;
    }
    template <class V> void annotate(boost::json::object& s) const
    {
        require<V>();
        agent_engine::detail::annotate_schema<typename V::value_type>(s["items"], inner);
    }
};

} // namespace constraints

namespace detail {

template <class C, auto Member>
concept declares_constraints = requires { agent_engine_constraints_fn(static_cast<C**>(nullptr), member_tag<Member>{}); };
template <class C, auto Member>
concept declares_description = requires { agent_engine_description_fn(static_cast<C**>(nullptr), member_tag<Member>{}); };

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
    return agent_engine_constraints_fn(static_cast<constraints_owner<T, Member>**>(nullptr), member_tag<Member>{});
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
        return agent_engine_description_fn(static_cast<owner**>(nullptr), detail::member_tag<Member>{});
    else
        return {};
}

// The description of the schema T given with AGENT_ENGINE_SCHEMA_DESCRIPTION, or empty.
template <class T> constexpr std::string_view schema_description() noexcept
{
    if constexpr (requires { agent_engine_description_fn(static_cast<T**>(nullptr)); })
        return agent_engine_description_fn(static_cast<T**>(nullptr));
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
        if constexpr (std::is_convertible_v<const T*, const C*> &&
                      requires { agent_engine_validators_fn(static_cast<C**>(nullptr)); }) {
            auto validators = agent_engine_validators_fn(static_cast<C**>(nullptr));
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
    [[maybe_unused]] inline auto agent_engine_constraints_fn(T**,                                  \
                                                             ::agent_engine::detail::member_tag<&T::member>) \
    {                                                                                              \
        AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED(T, member, AGENT_ENGINE_CONSTRAINTS);           \
        struct vocabulary : ::agent_engine::detail::constraint_vocabulary {                        \
            static auto list() { return std::make_tuple(__VA_ARGS__); }                               \
        };                                                                                         \
        return vocabulary::list();                                                                 \
    }

// A description of `member` of T, for its JSON Schema.
#define AGENT_ENGINE_DESCRIPTION(T, member, text)                                                  \
    [[maybe_unused]] inline constexpr const char* agent_engine_description_fn(                     \
        T**, ::agent_engine::detail::member_tag<&T::member>) noexcept                              \
    {                                                                                              \
        AGENT_ENGINE_DETAIL_REQUIRE_DESCRIBED(T, member, AGENT_ENGINE_DESCRIPTION);           \
        return text;                                                                               \
    }

// A description of the schema T, for its JSON Schema.
#define AGENT_ENGINE_SCHEMA_DESCRIPTION(T, text)                                                   \
    [[maybe_unused]] inline constexpr const char* agent_engine_description_fn(T**) noexcept { return text; }

// Rules across members of T, run after every member read without error (as
// pydantic's model_validator(mode="after")). Each is called as f(const T&) and
// returns std::optional<std::string>: the problem, or std::nullopt.
#define AGENT_ENGINE_VALIDATOR(T, ...)                                                             \
    [[maybe_unused]] inline auto agent_engine_validators_fn(T**) { return std::make_tuple(__VA_ARGS__); }

#endif
