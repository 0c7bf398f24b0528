#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_LENGTH_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_LENGTH_HPP

// min_length and max_length: characters (code points) of a string, bytes of
// bytes (std::vector<std::byte>), items of a container. The bytes of
// base64_bytes are counted as pydantic counts them (after decoding, a `too_short`
// of field_type "Value"); its schema bounds the base64 text written for that
// many bytes, where pydantic's gives the byte count as the text's length, which
// a valid value's text exceeds ("YWI=" for 2 bytes against "maxLength": 3).

#include <agent_engine/core/constraints/kind.hpp>
#include <agent_engine/core/detail/utf8.hpp>
#include <agent_engine/core/rules/bytes.hpp>
#include <agent_engine/core/rules/set.hpp>

#include <cstddef>
#include <deque>
#include <iterator>
#include <string_view>

namespace agent_engine {
namespace constraints {

namespace detail_length {
template <class V> constexpr bool require()
{
    constexpr bool applies = agent_engine::detail::is_text_v<V> || agent_engine::detail::is_container_v<V>;
    static_assert(applies, "agent_engine: min_length/max_length apply to a string or a container member.");
    return applies;
}
template <class V> std::size_t length(const V& v)
{
    if constexpr (agent_engine::detail::is_text_v<V>)
        return agent_engine::detail::code_points(std::string_view(v));
    else
        return std::size(v);
}
// The limit as the schema's keyword says it.
template <class V> std::size_t schema_limit(std::size_t limit)
{
    if constexpr (agent_engine::detail::is_base64_v<V>)
        return (limit + 2) / 3 * 4; // padded base64 characters of `limit` bytes
    else
        return limit;
}
template <class V> const char* schema_keyword(bool at_least)
{
    using namespace agent_engine::detail;
    if constexpr (is_text_v<V> || is_bytes_v<V> || is_base64_v<V>)
        return at_least ? "minLength" : "maxLength";
    else if constexpr (is_mapping_v<V>)
        return at_least ? "minProperties" : "maxProperties";
    else
        return at_least ? "minItems" : "maxItems";
}
// pydantic's deque[T] is a list to read, but its length errors say "Value"
// and come after its items' errors.
template <class V> inline constexpr bool is_deque_v = false;
template <class T, class A> inline constexpr bool is_deque_v<std::deque<T, A>> = true;

// A container pydantic reads as a list: a sequence (not bytes, not a deque) or
// a multiset.
template <class V>
inline constexpr bool is_list_v =
    (agent_engine::detail::json_sequence<V> && !agent_engine::detail::is_bytes_v<V> && !is_deque_v<V>) ||
    (agent_engine::detail::is_json_set_v<V> && !agent_engine::detail::is_unique_set_v<V>);

// string_too_short / too_long and friends, with pydantic's ctx; `input()` gives
// the value as its input held it (the list a set was read from, a string before
// str_strip_whitespace); `actual` is the length the ctx shows.
template <class V, class Input>
void fail(validation_context& ctx, bool at_least, std::size_t limit, const Input& input, std::size_t actual)
{
    using namespace agent_engine::detail;
    constexpr bool counted_alone = is_text_v<V> || is_bytes_v<V>; // ctx: the limit only
    error_type type = is_text_v<V>    ? (at_least ? error_type::string_too_short : error_type::string_too_long)
                      : is_bytes_v<V> ? (at_least ? error_type::bytes_too_short : error_type::bytes_too_long)
                                      : (at_least ? error_type::too_short : error_type::too_long);
    ctx.fail(type, [&] {
        std::string_view limit_key = at_least ? "min_length" : "max_length";
        boost::json::object details;
        if constexpr (counted_alone) {
            details.emplace(limit_key, limit);
        } else {
            details.emplace("field_type", is_mapping_v<V>      ? "Dictionary"
                                          : is_frozen_set_v<V> ? "Frozenset"
                                          : is_unique_set_v<V> ? "Set"
                                          : is_base64_v<V> || is_deque_v<V> ? "Value"
                                                                            : "List");
            details.emplace(limit_key, limit);
            // pydantic stops reading a set once it has too many items: it gives no count.
            if (is_unique_set_v<V> && !at_least)
                details.emplace("actual_length", nullptr);
            else
                details.emplace("actual_length", actual);
        }
        return validation_context::error_details{input(), std::move(details)};
    });
}
} // namespace detail_length

// At least `limit` characters (code points) of a string, or items of a container.
struct min_length {
    std::size_t limit;
    constexpr explicit min_length(std::size_t n) noexcept : limit(n) {}
    template <class V> static constexpr bool require() { return detail_length::require<V>(); }
    template <class V, class Input> bool check(const V& v, validation_context& ctx, const Input& input) const
    {
        if (detail_length::length(v) >= limit)
            return true;
        detail_length::fail<V>(ctx, true, limit, input, detail_length::length(v));
        return false;
    }
    template <class V> void annotate(boost::json::object& s) const
    {
        s[detail_length::schema_keyword<V>(true)] = detail_length::schema_limit<V>(limit);
    }
};

// At most `limit` characters (code points) of a string, or items of a container.
struct max_length {
    std::size_t limit;
    constexpr explicit max_length(std::size_t n) noexcept : limit(n) {}
    template <class V> static constexpr bool require() { return detail_length::require<V>(); }
    template <class V, class Input> bool check(const V& v, validation_context& ctx, const Input& input) const
    {
        if (detail_length::length(v) <= limit)
            return true;
        detail_length::fail<V>(ctx, false, limit, input, detail_length::length(v));
        return false;
    }
    // pydantic judges a list's or a set's maximum even when items failed, and
    // then reports it alone: a list by its input's items, a set as soon as its
    // valid items are too many (it stops reading there, so the item errors
    // before go and those after are never seen). The errors from
    // `first_item_error` on are the items'.
    template <class V, class Input>
    bool check_despite_item_errors(const V& v, validation_context& ctx, std::size_t first_item_error,
                                   const Input& input) const
    {
        constexpr bool is_set = agent_engine::detail::is_unique_set_v<V>;
        if constexpr (is_set || detail_length::is_list_v<V>) {
            // a list's input items, counted from its DOM, which the error then shows
            boost::json::value given = is_set ? boost::json::value() : input();
            std::size_t actual = is_set ? std::size(v) : given.is_array() ? given.as_array().size() : 0;
            if (actual <= limit)
                return true;
            ctx.discard_errors_from(first_item_error);
            detail_length::fail<V>(ctx, false, limit, [&] { return is_set ? input() : std::move(given); }, actual);
            return false;
        }
        return true;
    }
    template <class V> void annotate(boost::json::object& s) const
    {
        s[detail_length::schema_keyword<V>(false)] = detail_length::schema_limit<V>(limit);
    }
};

} // namespace constraints
} // namespace agent_engine

#endif
