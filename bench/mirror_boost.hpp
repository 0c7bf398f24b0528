#ifndef AGENT_ENGINE_BENCH_MIRROR_BOOST_HPP
#define AGENT_ENGINE_BENCH_MIRROR_BOOST_HPP

// The Boost.JSON baseline's Task: a plain mirror of the schemas (mirror_schemas.inc)
// described for Boost.JSON's built-in conversion (value_from / value_to).

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <boost/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mirror_boost {
#define MIRROR_ANY boost::json::value
#define MIRROR_OBJECT boost::json::object
#include "mirror_schemas.inc"
#undef MIRROR_ANY
#undef MIRROR_OBJECT
#include "mirror_enums.inc"
BOOST_DESCRIBE_STRUCT(EngineError, (), (MIRROR_ENGINE_ERROR_MEMBERS))
BOOST_DESCRIBE_STRUCT(TaskSpec, (), (MIRROR_TASK_SPEC_MEMBERS))
BOOST_DESCRIBE_STRUCT(StageExecutionRecord, (), (MIRROR_STAGE_MEMBERS))
BOOST_DESCRIBE_STRUCT(RoutingDecision, (), (MIRROR_ROUTING_MEMBERS))
BOOST_DESCRIBE_STRUCT(FailureSignature, (), (MIRROR_FAILURE_MEMBERS))
BOOST_DESCRIBE_STRUCT(ContextFingerprint, (), (MIRROR_FINGERPRINT_MEMBERS))
BOOST_DESCRIBE_STRUCT(Task, (), (MIRROR_TASK_MEMBERS))
} // namespace mirror_boost

#endif
