#ifndef AGENT_ENGINE_SCHEMAS_TASK_SPEC_HPP
#define AGENT_ENGINE_SCHEMAS_TASK_SPEC_HPP

// TaskSpec: what a user asked for. Fields, order and defaults are those of the
// Python original's TaskSpec, so its model_dump(mode="json") reads back here.

#include <agent_engine/core/schema.hpp>
#include <agent_engine/schemas/task_mode.hpp>
#include <agent_engine/schemas/task_priority.hpp>

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include <string>
#include <vector>

namespace agent_engine {

struct TaskSpec {
    std::string task_spec_id;
    std::string request;
    TaskMode mode = TaskMode::analysis_only;
    TaskPriority priority = TaskPriority::normal;
    std::vector<std::string> hints;
    std::vector<std::string> files;
    std::vector<std::string> overrides;
    boost::json::object metadata;
    extra_members extra; // keys this version does not describe (AGENT_ENGINE_ALLOW_EXTRA), written back
};
BOOST_DESCRIBE_STRUCT(TaskSpec, (), (task_spec_id, request, mode, priority, hints, files, overrides, metadata))
AGENT_ENGINE_REQUIRED(TaskSpec, task_spec_id, request)
AGENT_ENGINE_STR_STRIP_WHITESPACE(TaskSpec) // as the original's SchemaBase (str_strip_whitespace=True)
AGENT_ENGINE_ALLOW_EXTRA(TaskSpec, extra)   // a newer writer's keys survive an older reader's save

} // namespace agent_engine

#endif
