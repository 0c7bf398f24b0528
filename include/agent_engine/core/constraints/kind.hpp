#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_KIND_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_KIND_HPP

// What a constraint kind is, and what every kind uses. A kind is a struct with
//   template <class V> static constexpr bool require();  // whether it applies to the member type V,
//                                                        // static_asserting why when it does not
//   template <class V, class Input>
//   bool check(const V&, validation_context&, const Input& input) const;  // reports and returns false on failure
//   template <class V> void annotate(boost::json::object& schema) const;  // adds its JSON Schema keywords
// (and read, for a kind that reads the value itself). They are used on V only
// once every constraint of the member applies to it (see constraints_apply).
// input() gives the value as its input held it, the `input` its error shows
// (see check_constraints).
// The kinds live in agent_engine::constraints, one family per header beside this one.

#include <agent_engine/core/detail/python_repr.hpp>
#include <agent_engine/core/dom_writer.hpp>
#include <agent_engine/core/json_rule.hpp>
#include <agent_engine/core/validation_context.hpp>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <iterator>
#include <string_view>
#include <type_traits>

namespace agent_engine {
namespace detail {

template <class V> inline constexpr bool is_text_v = std::is_convertible_v<const V&, std::string_view>;
template <class V> inline constexpr bool is_number_v = std::is_arithmetic_v<V> && !std::is_same_v<V, bool>;
template <class V>
inline constexpr bool is_container_v = !is_text_v<V> && requires(const V& v) { std::size(v); };
template <class V>
inline constexpr bool is_mapping_v =
    is_container_v<V> && (requires { typename V::mapped_type; } || std::is_same_v<V, boost::json::object>);

// How a value appears as the `input` of an error: its JSON form.
template <class V> boost::json::value as_input(const V& v)
{
    dom_writer w;
    rule_of<V>::write(w, v);
    return w.release();
}

// A failed rule written in Python (`raise ValueError(message)`) as pydantic reports it.
// `input()` gives the value; it is called only if the error is kept.
template <class Input> void fail_value_error(validation_context& ctx, std::string_view message, Input&& input)
{
    ctx.fail(error_type::value_error, [&] { return validation_context::error_details{input(), {{"error", message}}}; });
}

// An error of `type` whose ctx, when there is a `reason`, is {"error": reason}
// (datetime_from_date_parsing, uuid_parsing...). `input()` is called only if the error is kept.
template <class Input> void fail_with_reason(validation_context& ctx, error_type type, const char* reason, Input&& input)
{
    ctx.fail(type, [&] {
        validation_context::error_details e{input()};
        if (reason)
            e.ctx.emplace("error", reason);
        return e;
    });
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

} // namespace detail
} // namespace agent_engine

#endif
