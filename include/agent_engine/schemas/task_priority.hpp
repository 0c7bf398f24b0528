#ifndef AGENT_ENGINE_SCHEMAS_TASK_PRIORITY_HPP
#define AGENT_ENGINE_SCHEMAS_TASK_PRIORITY_HPP

// TaskPriority: scheduling priority of a task (the Python original's TaskPriority).

#include <boost/describe/enum.hpp>

namespace agent_engine {

enum class TaskPriority { low, normal, high };
BOOST_DESCRIBE_ENUM(TaskPriority, low, normal, high)

} // namespace agent_engine

#endif
