#ifndef AGENT_ENGINE_BENCH_MIRROR_NLOHMANN_HPP
#define AGENT_ENGINE_BENCH_MIRROR_NLOHMANN_HPP

// The nlohmann/json baseline's Task: the same plain mirror of the schemas
// (mirror_schemas.inc) with nlohmann's struct and enum macros.

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

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
