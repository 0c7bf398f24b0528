#ifndef AGENT_ENGINE_SCHEMAS_ROUTING_DECISION_HPP
#define AGENT_ENGINE_SCHEMAS_ROUTING_DECISION_HPP

// RoutingDecision: one entry of a task's routing trace (which stage ran, and why).

#include <agent_engine/core/schema.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>

namespace agent_engine {

struct RoutingDecision {
    std::string stage_id;
    std::optional<std::string> decision;
    std::optional<std::string> agent_id;
    std::optional<std::string> timestamp;
};
BOOST_DESCRIBE_STRUCT(RoutingDecision, (), (stage_id, decision, agent_id, timestamp))
AGENT_ENGINE_REQUIRED(RoutingDecision, stage_id)
AGENT_ENGINE_STR_STRIP_WHITESPACE(RoutingDecision) // as the original's SchemaBase (str_strip_whitespace=True)

} // namespace agent_engine

#endif
