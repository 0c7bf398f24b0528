#ifndef AGENT_ENGINE_SCHEMAS_TASK_STATUS_HPP
#define AGENT_ENGINE_SCHEMAS_TASK_STATUS_HPP

// TaskStatus: where a task is in its life; completed and failed are terminal.

#include <boost/describe/enum.hpp>

namespace agent_engine {

enum class TaskStatus { pending, running, completed, failed };
BOOST_DESCRIBE_ENUM(TaskStatus, pending, running, completed, failed)

// A task in a terminal status will not run again (retention may remove it).
constexpr bool is_terminal(TaskStatus s) noexcept { return s == TaskStatus::completed || s == TaskStatus::failed; }

} // namespace agent_engine

#endif
