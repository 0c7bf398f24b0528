#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_EACH_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_EACH_HPP

// each: constraints for every item of a list or a set.

#include <agent_engine/core/constraints/apply.hpp>
#include <agent_engine/core/json_rule.hpp>

#include <agent_engine/core/validation_context.hpp>

#include <boost/json/object.hpp>

#include <tuple>
#include <utility>

namespace agent_engine::constraints {

// Constraints for every item of a list or a set:
// each(min_length(1), pattern("^x")), pydantic's list[Annotated[str, ...]]. Each
// item is judged as it is read (detail::read_constrained), so an item that fails
// them is an item error like one of the wrong type: it is not kept, a set does
// not count it toward max_length, and every failing item reports, located by
// its index, showing the item as given. strict() among them reads the items
// strictly.
template <class... Cs> struct each {
    static constexpr bool judges_items = true;
    std::tuple<Cs...> inner;
    constexpr explicit each(Cs... cs) : inner(std::move(cs)...) {}

    template <class V> static constexpr bool require()
    {
        constexpr bool applies = agent_engine::detail::reads_items_as_told<V>;
        static_assert(applies,
                      "agent_engine: each applies to a list or set member (std::vector, std::deque, std::list, a set "
                      "or a multiset), whose items it judges as they are read; not to a number, string, tuple, "
                      "std::array, map, bytes or boost::json::array.");
        return applies;
    }
    // The items were judged as they were read: nothing is left to check.
    template <class V, class Input> bool check(const V&, validation_context&, const Input&) const
    {
        return true;
    }
    template <class V> void annotate(boost::json::object& s) const
    {
        agent_engine::detail::annotate_schema<typename V::value_type>(s["items"], inner);
    }
};

} // namespace agent_engine::constraints

#endif
