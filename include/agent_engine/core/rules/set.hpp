#ifndef AGENT_ENGINE_CORE_RULES_SET_HPP
#define AGENT_ENGINE_CORE_RULES_SET_HPP

// Sets (std::set, std::unordered_set) are pydantic's set[T]: a JSON array, written
// in the set's own iteration order, read with duplicates collapsed as a Python set
// collapses them. An error in an element is located by its index in the input, as
// in a list; input that is not an array is `set_type`. JSON Schema: an array with
// "uniqueItems": true.
//
// agent_engine::frozen_set<T> is a std::set that stands for pydantic's frozenset[T]:
// the same JSON, with `frozen_set_type` errors (std::set and std::unordered_set are
// set[T]). In strict mode, python mode (from_dict) refuses an array as pydantic
// refuses a list for a set; JSON has no other form of a set, so json mode takes it.
//
// A std::multiset keeps its duplicates both ways, so it is no Python set: it is a
// list[T] kept sorted (`list_type`, no "uniqueItems"), which keeps the schema true
// of what it writes.

#include <agent_engine/core/json_rule.hpp>
#include <agent_engine/core/rules/sequence.hpp>

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <set>
#include <string>
#include <unordered_set>
#include <utility>

namespace agent_engine {

// pydantic's frozenset[T]: a std::set read and reported as a frozenset (see above).
// Frozen in its JSON only: C++ constness stays the program's to declare, as
// the readers fill a set in place.
template <class T, class Compare = std::less<T>, class Allocator = std::allocator<T>>
class frozen_set : public std::set<T, Compare, Allocator> {
    using base = std::set<T, Compare, Allocator>;

public:
    using base::base;
    // Declared, not inherited, so that frozen_set{1, 2} deduces as std::set{1, 2}:
    // C++20 deduces from no inherited constructor.
    frozen_set(std::initializer_list<T> values, const Compare& compare = Compare(),
               const Allocator& allocator = Allocator())
        : base(values, compare, allocator)
    {
    }
};
template <class InputIt>
frozen_set(InputIt, InputIt) -> frozen_set<typename std::iterator_traits<InputIt>::value_type>;

namespace detail {

template <class S> inline constexpr bool is_frozen_set_v = false;
template <class T, class C, class A> inline constexpr bool is_frozen_set_v<frozen_set<T, C, A>> = true;

template <class S> inline constexpr bool is_unique_set_v = is_frozen_set_v<S>;
template <class T, class C, class A> inline constexpr bool is_unique_set_v<std::set<T, C, A>> = true;
template <class T, class H, class E, class A>
inline constexpr bool is_unique_set_v<std::unordered_set<T, H, E, A>> = true;

template <class S> inline constexpr bool is_json_set_v = is_unique_set_v<S>;
template <class T, class C, class A> inline constexpr bool is_json_set_v<std::multiset<T, C, A>> = true;

} // namespace detail

template <class S>
    requires detail::is_json_set_v<S>
struct json_rule<S> {
    using element = typename S::value_type;
    static constexpr bool unique = detail::is_unique_set_v<S>;
    static constexpr bool frozen = detail::is_frozen_set_v<S>;
    static constexpr error_type type_error =
        frozen ? error_type::frozen_set_type : unique ? error_type::set_type : error_type::list_type;

    template <class Writer> static void write(Writer& w, const S& v) { detail::write_array(w, v); }

    template <class Reader, class ReadItem = detail::read_by_rule>
    static void read(Reader& r, S& out, validation_context& ctx, const ReadItem& read_item = {})
    {
        // A strict Python set is no list; a JSON array is the only JSON form of a set.
        bool refused_list = unique && ctx.strict() && ctx.mode() == input_mode::python;
        if (r.kind() != boost::json::kind::array || refused_list) {
            ctx.fail(type_error, [&] { return r.capture(); });
            return;
        }
        if constexpr (unique) // pydantic rates a set read from an array a strict match, no exact one
            ctx.floor_match(validation_context::match_quality::strict);
        out.clear();
        // A set's elements are const: each is read on its own, then inserted;
        // one that fails is not kept (nor is it by pydantic).
        r.for_each_element([&](std::size_t i) {
            auto at = ctx.at(i);
            std::size_t before = ctx.error_count();
            element e{};
            read_item(r, e, ctx);
            if (ctx.error_count() != before)
                return;
            std::size_t size_before = out.size();
            out.insert(std::move(e));
            if (out.size() == size_before) // a duplicate, collapsed
                ctx.note_normalized();
        });
    }

    static std::string label()
    {
        return (frozen ? "frozenset[" : unique ? "set[" : "list[") + rule_of<element>::label() + "]";
    }
    static boost::json::value schema(schema_builder& b)
    {
        boost::json::object s{{"type", "array"}, {"items", rule_of<element>::schema(b)}};
        if constexpr (unique)
            s["uniqueItems"] = true;
        return s;
    }
};

} // namespace agent_engine

#endif
