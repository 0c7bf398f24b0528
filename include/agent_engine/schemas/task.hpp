#ifndef AGENT_ENGINE_SCHEMAS_TASK_HPP
#define AGENT_ENGINE_SCHEMAS_TASK_HPP

// Task: one run of a pipeline for a TaskSpec, and the checkpoint format. Fields,
// order and JSON shape are those of the Python original's Task.model_dump(mode="json"),
// so its checkpoint files load here and save back byte for byte.
// `stage_results` keeps insertion order (the order the stages ran), like a Python dict.

#include <agent_engine/core/ordered_map.hpp>
#include <agent_engine/core/schema.hpp>
#include <agent_engine/schemas/context_fingerprint.hpp>
#include <agent_engine/schemas/failure_signature.hpp>
#include <agent_engine/schemas/routing_decision.hpp>
#include <agent_engine/schemas/stage_execution_record.hpp>
#include <agent_engine/schemas/task_spec.hpp>
#include <agent_engine/schemas/task_status.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

namespace agent_engine {

struct Task {
    std::string task_id;
    TaskSpec spec;
    TaskStatus status = TaskStatus::pending;
    std::string pipeline_id;
    std::optional<std::string> current_stage_id;
    ordered_map<std::string, StageExecutionRecord> stage_results;
    std::vector<RoutingDecision> routing_trace;
    std::vector<FailureSignature> failure_signatures;
    std::optional<ContextFingerprint> context_fingerprint;
    std::optional<std::string> created_at;
    std::optional<std::string> updated_at;
    extra_members extra; // keys this version does not describe (AGENT_ENGINE_ALLOW_EXTRA), written back
};
BOOST_DESCRIBE_STRUCT(Task, (),
                      (task_id, spec, status, pipeline_id, current_stage_id, stage_results, routing_trace,
                       failure_signatures, context_fingerprint, created_at, updated_at))
AGENT_ENGINE_REQUIRED(Task, task_id, spec, pipeline_id)
AGENT_ENGINE_STR_STRIP_WHITESPACE(Task) // as the original's SchemaBase (str_strip_whitespace=True)
AGENT_ENGINE_ALLOW_EXTRA(Task, extra)   // a newer writer's keys survive an older reader's save

} // namespace agent_engine

#endif
