#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_STRICT_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_STRICT_HPP

// strict: the member's value is read in strict mode (pydantic's Field(strict=True)):
// no conversion between JSON kinds, whatever the schema's or the call's mode.
// It is a mode of reading, not a check: read_constrained applies it.

#include <agent_engine/core/constraints/kind.hpp>

#include <string>
#include <type_traits>

namespace agent_engine::constraints {

struct strict {
    static constexpr bool sets_strict = true;
    template <class V> bool check(const V&, validation_context&) const
    {
        // pydantic's Field(strict=True) on a list or a dict leaves its items lax,
        // and JSON holds no tuple or set to refuse: on a container it would mean nothing.
        static_assert(std::is_arithmetic_v<V> || std::is_enum_v<V> || std::is_same_v<V, std::string>,
                      "agent_engine: strict() applies to a bool, number, enum or string member (or an optional "
                      "one); declare AGENT_ENGINE_STRICT on the elements' schema, or read with {.strict = true}.");
        return true;
    }
    template <class V> void annotate(boost::json::object&) const {} // pydantic's schema does not show it
};

} // namespace agent_engine::constraints

#endif
