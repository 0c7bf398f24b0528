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
BOOST_DESCRIBE_ENUM(TaskMode, analysis_only, implement, review, dry_run)
BOOST_DESCRIBE_ENUM(TaskPriority, low, normal, high)
BOOST_DESCRIBE_ENUM(TaskStatus, pending, running, completed, failed)
BOOST_DESCRIBE_ENUM(FailureCode, plan_invalid, tool_failure, json_error, context_miss, timeout, unknown)
BOOST_DESCRIBE_ENUM(Severity, info, warning, error, critical)
BOOST_DESCRIBE_ENUM(ErrorCode, validation, routing, tool, agent, json, security, io, not_found, unknown)
BOOST_DESCRIBE_ENUM(ErrorSource, config_loader, runtime, agent_runtime, tool_runtime, json_engine, memory, router,
                    task_manager)
BOOST_DESCRIBE_STRUCT(EngineError, (), (MIRROR_ENGINE_ERROR_MEMBERS))
BOOST_DESCRIBE_STRUCT(TaskSpec, (), (MIRROR_TASK_SPEC_MEMBERS))
BOOST_DESCRIBE_STRUCT(StageExecutionRecord, (), (MIRROR_STAGE_MEMBERS))
BOOST_DESCRIBE_STRUCT(RoutingDecision, (), (MIRROR_ROUTING_MEMBERS))
BOOST_DESCRIBE_STRUCT(FailureSignature, (), (MIRROR_FAILURE_MEMBERS))
BOOST_DESCRIBE_STRUCT(ContextFingerprint, (), (MIRROR_FINGERPRINT_MEMBERS))
BOOST_DESCRIBE_STRUCT(Task, (), (MIRROR_TASK_MEMBERS))
} // namespace mirror_boost

#endif
