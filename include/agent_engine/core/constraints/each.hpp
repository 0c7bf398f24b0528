#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_EACH_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_EACH_HPP

// each: constraints for every item of a list.

#include <agent_engine/core/constraints/apply.hpp>
#include <agent_engine/core/constraints/kind.hpp>
#include <agent_engine/core/rules/set.hpp>

#include <boost/json/value.hpp>

#include <cstddef>
#include <iterator>
#include <optional>
#include <tuple>
#include <utility>

namespace agent_engine::constraints {

// Constraints for every item of a list: each(min_length(1), pattern("^x")).
// Every failing item reports, located by its index.
template <class... Cs> struct each {
    std::tuple<Cs...> inner;
    constexpr explicit each(Cs... cs) : inner(std::move(cs)...) {}

    template <class V> static void require()
    {
        static_assert(agent_engine::detail::is_container_v<V> && !agent_engine::detail::is_mapping_v<V>,
                      "agent_engine: each applies to a list member.");
        static_assert(!(agent_engine::detail::sets_strict<Cs> || ...),
                      "agent_engine: strict() cannot go inside each(...): each checks items already read, so "
                      "they would not be read strictly. Read with {.strict = true}, or declare "
                      "AGENT_ENGINE_STRICT on the schema holding the list (its members' items are then strict).");
    }
    // An item's error shows the item as given: the list's input, taken at the
    // first error, at the item's index (a set's items, read in another order, and
    // a list not read from an array show their own JSON form).
    template <class V, class Input>
    bool check(const V& v, validation_context& ctx, [[maybe_unused]] const Input& input) const
    {
        require<V>();
        [[maybe_unused]] std::optional<boost::json::value> given;
        bool ok = true;
        std::size_t i = 0;
        for (auto const& item : v) {
            auto item_input = [&] {
                if constexpr (!agent_engine::detail::is_json_set_v<V>) { // not sorted: the input's order
                    if (!given)
                        given = input();
                    if (auto const* items = given->if_array(); items && items->size() == std::size(v))
                        return items->at(i);
                }
                return agent_engine::detail::as_input(item);
            };
            auto at = ctx.at(i);
            ok = agent_engine::detail::check_constraints(item, inner, ctx, item_input) && ok;
            ++i;
        }
        return ok;
    }
    template <class V> void annotate(boost::json::object& s) const
    {
        require<V>();
        agent_engine::detail::annotate_schema<typename V::value_type>(s["items"], inner);
    }
};


} // namespace agent_engine::constraints

#endif
