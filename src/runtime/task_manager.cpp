#include <agent_engine/runtime/project_id.hpp>
#include <agent_engine/runtime/task_manager.hpp>
#include <agent_engine/runtime/timestamp.hpp>

#include <exception>
#include <random>

namespace agent_engine {
namespace {

constexpr auto source = EngineErrorSource::task_manager;

// 96 random bits as 24 hex digits (see create_task for why 96). std::random_device
// throws when the OS's source fails: an io error here.
Result<std::string> random_suffix()
{
    try {
        std::random_device rd; // the OS's CSPRNG on Linux
        std::string out;
        static constexpr char hex[] = "0123456789abcdef";
        for (int word = 0; word < 3; ++word) {
            std::uint32_t bits = rd();
            for (int i = 0; i < 8; ++i, bits >>= 4)
                out += hex[bits & 0xf];
        }
        return out;
    } catch (const std::exception& e) {
        return make_error(EngineErrorCode::io, source, "random_unavailable",
                          std::string("Cannot draw a random task id: ") + e.what(), {{"reason", e.what()}});
    }
}

} // namespace

TaskManager::TaskManager(std::filesystem::path root, task_manager_options options)
    : TaskManager(std::make_shared<file_task_store>(std::move(root),
                                                    file_store_options{options.durable, options.max_document_bytes}),
                  options)
{
}

TaskManager::TaskManager(std::shared_ptr<task_store> store, task_manager_options options)
    : store_(std::move(store)), options_(options)
{
}

Result<Task*> TaskManager::find(std::string_view task_id)
{
    auto it = tasks_.find(task_id);
    if (it == tasks_.end())
        return make_error(EngineErrorCode::not_found, source, "task_not_found",
                          "Task '" + std::string(task_id) + "' not found in memory", {{"task_id", task_id}});
    return &it->second;
}

Result<Task> TaskManager::create_task(TaskSpec spec, std::string pipeline_id, std::optional<std::string> task_id)
{
    std::string id;
    if (task_id) {
        id = std::move(*task_id);
    } else {
        BOOST_OUTCOME_TRY(auto suffix, random_suffix());
        id = "task-" + spec.task_spec_id + "-" + suffix;
    }
    BOOST_OUTCOME_TRY(check_document_key(id));
    Task task;
    task.task_id = id;
    task.spec = std::move(spec);
    task.pipeline_id = std::move(pipeline_id);
    BOOST_OUTCOME_TRY(task, as_loaded(task)); // as pydantic's Task(...) validates its arguments
    task.created_at = utc_timestamp_now();
    task.updated_at = task.created_at;
    tasks_.insert_or_assign(id, task);
    versions_.erase(id);
    return task;
}

const Task* TaskManager::get_task(std::string_view task_id) const
{
    auto it = tasks_.find(task_id);
    return it == tasks_.end() ? nullptr : &it->second;
}

Result<Task*> TaskManager::put_task(Task task)
{
    BOOST_OUTCOME_TRY(check_document_key(task.task_id));
    BOOST_OUTCOME_TRY(task, as_loaded(task));
    task.updated_at = utc_timestamp_now();
    if (!task.created_at)
        task.created_at = task.updated_at;
    std::string id = task.task_id;
    auto [it, inserted] = tasks_.insert_or_assign(std::move(id), std::move(task));
    return &it->second;
}

Result<Task*> TaskManager::edit_task(std::string_view task_id)
{
    BOOST_OUTCOME_TRY(Task * task, find(task_id));
    task->updated_at = utc_timestamp_now();
    return task;
}

Result<void> TaskManager::set_status(std::string_view task_id, TaskStatus status)
{
    BOOST_OUTCOME_TRY(Task * task, find(task_id));
    task->status = status;
    task->updated_at = utc_timestamp_now();
    return boost::outcome_v2::success();
}

Result<void> TaskManager::set_current_stage(std::string_view task_id, std::optional<std::string> stage_id)
{
    BOOST_OUTCOME_TRY(Task * task, find(task_id));
    task->current_stage_id = std::move(stage_id);
    task->updated_at = utc_timestamp_now();
    return boost::outcome_v2::success();
}

Result<void> TaskManager::record_stage_result(std::string_view task_id, const std::string& stage_id,
                                              StageExecutionRecord record)
{
    BOOST_OUTCOME_TRY(Task * task, find(task_id));
    std::string now = utc_timestamp_now();
    if (!record.completed_at)
        record.completed_at = now;
    if (!record.started_at)
        record.started_at = record.completed_at;
    task->stage_results.insert_or_assign(stage_id, std::move(record));
    task->updated_at = std::move(now);
    return boost::outcome_v2::success();
}

Result<void> TaskManager::append_routing(std::string_view task_id, std::string stage_id,
                                         std::optional<std::string> decision, std::optional<std::string> agent_id)
{
    BOOST_OUTCOME_TRY(Task * task, find(task_id));
    std::string now = utc_timestamp_now();
    task->routing_trace.push_back({std::move(stage_id), std::move(decision), std::move(agent_id), now});
    task->updated_at = std::move(now);
    return boost::outcome_v2::success();
}

Result<void> TaskManager::add_failure(std::string_view task_id, FailureSignature failure)
{
    BOOST_OUTCOME_TRY(Task * task, find(task_id));
    task->failure_signatures.push_back(std::move(failure));
    task->updated_at = utc_timestamp_now();
    return boost::outcome_v2::success();
}

Result<std::filesystem::path> TaskManager::save(std::string_view task_id, bool if_unchanged)
{
    BOOST_OUTCOME_TRY(check_document_key(task_id));
    BOOST_OUTCOME_TRY(Task * task, find(task_id));
    if (task->task_id != task_id) // saved under its key, it would load as another task
        return make_error(EngineErrorCode::validation, source, "task_id_changed",
                          "Task '" + std::string(task_id) + "' was given the id '" + task->task_id +
                              "' in memory; refusing to save it as '" + std::string(task_id) + "'",
                          {{"task_id", task_id}, {"found", task->task_id}});
    std::optional<std::int64_t> expected;
    if (if_unchanged) {
        auto known = versions_.find(task_id);
        expected = known == versions_.end() ? 0 : known->second;
    }
    // Edits since put_task or a load were not read as a load reads them: the
    // bytes are those of the task a load of them returns.
    BOOST_OUTCOME_TRY(auto bytes, encode_document(*task, options_.format));
    BOOST_OUTCOME_TRY(auto put, store_->put_versioned(extract_project_id(task_id), task_id, bytes, expected));
    versions_.insert_or_assign(std::string(task_id), put.version);
    return std::filesystem::path(std::move(put.location));
}

Result<std::filesystem::path> TaskManager::save_checkpoint(std::string_view task_id) { return save(task_id, false); }

Result<std::filesystem::path> TaskManager::save_checkpoint_if_unchanged(std::string_view task_id)
{
    return save(task_id, true);
}

Result<const Task*> TaskManager::load_checkpoint(std::string_view task_id)
{
    std::string project = extract_project_id(task_id);
    // Read as it is decoded: the text is never held whole (see text_source).
    BOOST_OUTCOME_TRY(auto stored, store_->open(project, task_id));
    BOOST_OUTCOME_TRY(auto task, decode_stored<Task>(*store_, project, task_id, *stored.text));
    // A checkpoint that names another task would be held, and saved back, under
    // the wrong id.
    if (task.task_id != task_id)
        return make_error(EngineErrorCode::validation, EngineErrorSource::task_manager, "task_id_mismatch",
                          "Checkpoint " + store_->location(project, task_id) + " holds task '" + task.task_id +
                              "', not '" + std::string(task_id) + "'",
                          {{"path", store_->location(project, task_id)},
                           {"expected", task_id},
                           {"found", task.task_id}});
    auto [it, inserted] = tasks_.insert_or_assign(std::string(task_id), std::move(task));
    versions_.insert_or_assign(std::string(task_id), stored.version);
    return &it->second;
}

Result<std::vector<std::string>> TaskManager::list_tasks(std::string_view project_id) const
{
    return store_->list(project_id);
}

Result<TaskMetadata> TaskManager::get_task_metadata(std::string_view task_id) const
{
    return read_stored_task_metadata(*store_, extract_project_id(task_id), task_id);
}

Result<std::vector<std::string>> TaskManager::list_projects() const { return store_->list_projects(); }

Result<task_page> TaskManager::list_task_metadata(std::string_view project_id, const task_query& query) const
{
    return agent_engine::list_task_metadata(*store_, project_id, query);
}

Result<task_page> TaskManager::list_all_task_metadata(const task_query& query) const
{
    return agent_engine::list_all_task_metadata(*store_, query);
}

Result<prune_result> TaskManager::prune(std::string_view project_id, const prune_options& options)
{
    return prune_tasks(*store_, project_id, options);
}

} // namespace agent_engine
