#ifndef AGENT_ENGINE_BENCH_MIRRORS_HPP
#define AGENT_ENGINE_BENCH_MIRRORS_HPP

// The baselines' Task: Boost.JSON's built-in described-struct conversion and
// nlohmann/json's struct macros, each on the same plain mirror of the schemas.

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <boost/json.hpp>
#include <nlohmann/json.hpp>

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

// nlohmann has no std::optional support of its own: the usual adl_serializer.
namespace nlohmann {
template <class T> struct adl_serializer<std::optional<T>> {
    static void to_json(json& j, const std::optional<T>& v)
    {
        if (v)
            j = *v;
        else
            j = nullptr;
    }
    static void from_json(const json& j, std::optional<T>& v)
    {
        if (j.is_null())
            v.reset();
        else
            v = j.template get<T>();
    }
};
} // namespace nlohmann

namespace mirror_nlohmann {
#define MIRROR_ANY nlohmann::json
#define MIRROR_OBJECT nlohmann::json
#include "mirror_schemas.inc"
#undef MIRROR_ANY
#undef MIRROR_OBJECT
NLOHMANN_JSON_SERIALIZE_ENUM(TaskMode, {{TaskMode::analysis_only, "analysis_only"},
                                        {TaskMode::implement, "implement"},
                                        {TaskMode::review, "review"},
                                        {TaskMode::dry_run, "dry_run"}})
NLOHMANN_JSON_SERIALIZE_ENUM(TaskPriority,
                             {{TaskPriority::low, "low"}, {TaskPriority::normal, "normal"}, {TaskPriority::high, "high"}})
NLOHMANN_JSON_SERIALIZE_ENUM(TaskStatus, {{TaskStatus::pending, "pending"},
                                          {TaskStatus::running, "running"},
                                          {TaskStatus::completed, "completed"},
                                          {TaskStatus::failed, "failed"}})
NLOHMANN_JSON_SERIALIZE_ENUM(FailureCode, {{FailureCode::plan_invalid, "plan_invalid"},
                                           {FailureCode::tool_failure, "tool_failure"},
                                           {FailureCode::json_error, "json_error"},
                                           {FailureCode::context_miss, "context_miss"},
                                           {FailureCode::timeout, "timeout"},
                                           {FailureCode::unknown, "unknown"}})
NLOHMANN_JSON_SERIALIZE_ENUM(Severity, {{Severity::info, "info"},
                                        {Severity::warning, "warning"},
                                        {Severity::error, "error"},
                                        {Severity::critical, "critical"}})
NLOHMANN_JSON_SERIALIZE_ENUM(ErrorCode, {{ErrorCode::validation, "validation"},
                                         {ErrorCode::routing, "routing"},
                                         {ErrorCode::tool, "tool"},
                                         {ErrorCode::agent, "agent"},
                                         {ErrorCode::json, "json"},
                                         {ErrorCode::security, "security"},
                                         {ErrorCode::io, "io"},
                                         {ErrorCode::not_found, "not_found"},
                                         {ErrorCode::unknown, "unknown"}})
NLOHMANN_JSON_SERIALIZE_ENUM(ErrorSource, {{ErrorSource::config_loader, "config_loader"},
                                           {ErrorSource::runtime, "runtime"},
                                           {ErrorSource::agent_runtime, "agent_runtime"},
                                           {ErrorSource::tool_runtime, "tool_runtime"},
                                           {ErrorSource::json_engine, "json_engine"},
                                           {ErrorSource::memory, "memory"},
                                           {ErrorSource::router, "router"},
                                           {ErrorSource::task_manager, "task_manager"}})
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(EngineError, MIRROR_ENGINE_ERROR_MEMBERS)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TaskSpec, MIRROR_TASK_SPEC_MEMBERS)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(StageExecutionRecord, MIRROR_STAGE_MEMBERS)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(RoutingDecision, MIRROR_ROUTING_MEMBERS)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(FailureSignature, MIRROR_FAILURE_MEMBERS)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ContextFingerprint, MIRROR_FINGERPRINT_MEMBERS)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Task, MIRROR_TASK_MEMBERS)
} // namespace mirror_nlohmann

#endif
