#ifndef AGENT_ENGINE_CORE_RULES_SEQUENCE_HPP
#define AGENT_ENGINE_CORE_RULES_SEQUENCE_HPP

// Sequences (std::vector, std::deque, std::list, ...) are JSON arrays; an error
// in an element is located by its index: ["routing_trace", 2, "stage_id"].

#include <agent_engine/core/json_rule.hpp>
#include <agent_engine/core/rules/boolean.hpp>

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>

namespace agent_engine {
namespace detail {

template <class C>
concept json_sequence = requires(C& c) {
    typename C::value_type;
    c.emplace_back();
    c.pop_back();
    c.clear();
    c.begin();
} && !std::is_convertible_v<C, std::string_view> && !std::same_as<C, boost::json::array>;

// Any range of elements as a JSON array (sequences, sets).
template <class Writer, class Range> void write_array(Writer& w, const Range& v)
{
    w.begin_array(std::size(v));
    for (auto const& e : v)
        rule_of<typename Range::value_type>::write(w, e);
    w.end_array();
}

} // namespace detail

template <detail::json_sequence C> struct json_rule<C> {
    using element = typename C::value_type;

    template <class Writer> static void write(Writer& w, const C& v) { detail::write_array(w, v); }

    template <class Reader, class ReadItem = detail::read_by_rule>
    static void read(Reader& r, C& out, validation_context& ctx, const ReadItem& read_item = {})
    {
        if (r.kind() != boost::json::kind::array) {
            ctx.fail(error_type::list_type, [&] { return r.capture(); });
            return;
        }
        out.clear();
        // Room for the elements known to come, up to 64 KiB of them: the room
        // for millions of items that fail would be taken for nothing.
        if constexpr (requires { out.reserve(std::size_t{}); })
            out.reserve(std::min(r.size_hint(), std::size_t(64 * 1024) / sizeof(element)));
        // An element that fails is not kept (nor is it by pydantic): a list of
        // millions of wrong items costs the memory of its errors, not of as many
        // default elements.
        r.for_each_element([&](std::size_t i) {
            auto at = ctx.at(i);
            std::size_t before = ctx.error_count();
            if constexpr (std::is_same_v<element, bool>) {
                bool b = false; // std::vector<bool> has no element to read into
                read_item(r, b, ctx);
                if (ctx.error_count() == before)
                    out.push_back(b);
            } else {
                // pydantic's list[Any] checks no item, so no Any item lowers its match
                std::optional<validation_context::measuring_match> unrated;
                if constexpr (std::is_same_v<element, boost::json::value>)
                    unrated.emplace(ctx);
                read_item(r, out.emplace_back(), ctx);
                if (ctx.error_count() != before)
                    out.pop_back();
            }
        });
    }

    static std::string label() { return "list[" + rule_of<element>::label() + "]"; }
    static boost::json::value schema(schema_builder& b)
    {
        return {{"type", "array"}, {"items", rule_of<element>::schema(b)}};
    }
};

} // namespace agent_engine

#endif
