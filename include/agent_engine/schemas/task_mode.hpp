#ifndef AGENT_ENGINE_SCHEMAS_TASK_MODE_HPP
#define AGENT_ENGINE_SCHEMAS_TASK_MODE_HPP

// TaskMode: what a task is allowed to do (the Python original's TaskMode, by value).

#include <boost/describe/enum.hpp>

namespace agent_engine {

enum class TaskMode { analysis_only, implement, review, dry_run };
BOOST_DESCRIBE_ENUM(TaskMode, analysis_only, implement, review, dry_run)

} // namespace agent_engine

#endif
