#ifndef AGENT_ENGINE_RUNTIME_TASK_METADATA_HPP
#define AGENT_ENGINE_RUNTIME_TASK_METADATA_HPP

// TaskMetadata: the summary of a checkpoint that listings need, read without
// building a Task or a DOM of the file.

#include <agent_engine/core/result.hpp>
#include <agent_engine/core/schema.hpp>
#include <agent_engine/runtime/task_store.hpp>
#include <agent_engine/schemas/task_status.hpp>

#include <boost/describe/class.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace agent_engine {

struct TaskMetadata {
    std::string task_id;
    TaskStatus status = TaskStatus::pending;
    std::string pipeline_id;
    std::optional<std::string> created_at;
    std::optional<std::string> updated_at;
};
BOOST_DESCRIBE_STRUCT(TaskMetadata, (), (task_id, status, pipeline_id, created_at, updated_at))
AGENT_ENGINE_REQUIRED(TaskMetadata, task_id, pipeline_id)
AGENT_ENGINE_STR_STRIP_WHITESPACE(TaskMetadata) // its values as Task reads them

// Reads the top-level task_id, status, pipeline_id, created_at and updated_at of
// a checkpoint's JSON text, as from_json<TaskMetadata> would, without building a
// Task or a DOM. For a checkpoint laid out as save_checkpoint and the Python
// original write it (those keys before the stage results and after the routing
// trace), only the members at the two ends are read, so the cost does not grow
// with the stage results; what is read is checked as in Task (validation error)
// and as JSON (json error, with line and column). The members in between are not
// looked at: a checkpoint damaged only there still lists, and its load reports
// the damage; a metadata key repeated there is not seen; text appended after a
// checkpoint that itself ends like one is taken for its end. Any other layout
// is read whole.
Result<TaskMetadata> read_task_metadata(std::string_view json_text);

// The metadata of the checkpoint (project, id) in `store`, read as above from
// the two ends of the stored document alone when they hold it (task_store::
// get_ends: the cost does not grow with the checkpoint), else from the whole
// document. json and validation errors carry the document's location.
Result<TaskMetadata> read_stored_task_metadata(const task_store& store, std::string_view project, std::string_view id);

// read_stored_task_metadata of each of `ids` (checkpoints of one project),
// handed to `f` with its index in `ids`, in order, in one pass of the store
// (task_store::for_each_ends).
void for_each_stored_task_metadata(const task_store& store, std::string_view project,
                                   std::span<const std::string> ids,
                                   const std::function<void(std::size_t index, Result<TaskMetadata> meta)>& f);

} // namespace agent_engine

#endif
