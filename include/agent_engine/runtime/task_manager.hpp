#ifndef AGENT_ENGINE_RUNTIME_TASK_MANAGER_HPP
#define AGENT_ENGINE_RUNTIME_TASK_MANAGER_HPP

// TaskManager: tasks in memory, checkpointed to a task_store under the
// convention {root}/{project_id}/{task_id}.json (project_id from
// extract_project_id). The Python original's API, with every failure a value.
//
// Thread-safety: none inside. Use one TaskManager per thread, or guard one with
// your own mutex. Several managers (threads or processes) may share one storage
// root: each checkpoint is replaced atomically, the last save wins.

#include <agent_engine/core/result.hpp>
#include <agent_engine/core/text_writer.hpp>
#include <agent_engine/runtime/file_task_store.hpp>
#include <agent_engine/runtime/task_history.hpp>
#include <agent_engine/runtime/task_metadata.hpp>
#include <agent_engine/runtime/task_store.hpp>
#include <agent_engine/schemas/task.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agent_engine {

inline constexpr std::string_view default_task_root = ".agent_engine/tasks";

struct task_manager_options {
    // fsync every checkpoint and its directory (see file_store_options).
    bool durable = true;
    // How checkpoints are written; pretty is the Python original's indent=2.
    json_format format = json_format::pretty();
    // The largest checkpoint file saved or read (see file_store_options).
    std::size_t max_document_bytes = default_max_document_bytes;
};

class TaskManager {
    std::shared_ptr<task_store> store_;
    task_manager_options options_;
    std::map<std::string, Task, std::less<>> tasks_;
    // The stored version each task was last loaded or saved at (versioned stores).
    std::map<std::string, std::int64_t, std::less<>> versions_;

    Result<std::filesystem::path> save(std::string_view task_id, bool if_unchanged);

    Result<Task*> find(std::string_view task_id);

public:
    // Checkpoints under `root` in files.
    explicit TaskManager(std::filesystem::path root = std::filesystem::path(default_task_root),
                         task_manager_options options = {});
    // Checkpoints in any store (options.durable and max_document_bytes are then the store's business).
    explicit TaskManager(std::shared_ptr<task_store> store, task_manager_options options = {});

    task_store& store() const noexcept { return *store_; }

    // A new pending task, held in memory. Its id is `task_id` or, by default,
    // task-{spec_id}-{24 random hex digits}: 96 bits, so even a billion tasks of
    // one spec collide with probability about 6e-12. An id that cannot name a
    // checkpoint file is a security error. An existing task with the id is replaced.
    // The task is held as a load of its checkpoint would give it (as_loaded:
    // str values stripped), as pydantic's Task(...) validates its arguments.
    Result<Task> create_task(TaskSpec spec, std::string pipeline_id, std::optional<std::string> task_id = {});

    // The task in memory, or nullptr. The pointer stays valid until the task is
    // replaced (create_task / put_task / load_checkpoint of its id) or the manager dies.
    const Task* get_task(std::string_view task_id) const;

    // Holds `task`, one the caller built, as a loaded task is held: inserted, or
    // replacing the task of its id. Checked first as a load checks a checkpoint:
    // an id that cannot name a checkpoint file is a security error, a task that
    // would not load back a validation error, and nothing is held; then held as
    // a load of it would give it (as_loaded: str values stripped). Stamps
    // updated_at (and created_at when missing), as every mutation does. The
    // stored version the manager knew for the id is kept, so that
    // save_checkpoint_if_unchanged still refuses to overwrite another writer's save.
    // Returns the held task (valid as get_task's pointer).
    Result<Task*> put_task(Task task);

    // The held task, to change in place; not_found when absent. Stamps updated_at
    // (the caller is about to change it). Valid as get_task's pointer. The task is
    // held under its id: a task_id changed through the pointer is refused by the
    // next save (validation, "task_id_changed", nothing written); put_task a copy
    // to hold it under another id. Edits are not checked until a save, which
    // refuses a task that would not load back: run validate(*task) to check them
    // earlier, or put_task the edited copy.
    Result<Task*> edit_task(std::string_view task_id);

    // Mutations of a task in memory; each stamps updated_at. not_found when absent.
    Result<void> set_status(std::string_view task_id, TaskStatus status);
    Result<void> set_current_stage(std::string_view task_id, std::optional<std::string> stage_id);
    Result<void> record_stage_result(std::string_view task_id, const std::string& stage_id,
                                     StageExecutionRecord record);
    Result<void> append_routing(std::string_view task_id, std::string stage_id,
                                std::optional<std::string> decision = {}, std::optional<std::string> agent_id = {});
    Result<void> add_failure(std::string_view task_id, FailureSignature failure);

    // Writes the task atomically to {root}/{project_id}/{task_id}.json, creating
    // directories: the bytes of the task as a load of them returns it
    // (encode_document; the held task is left as it is). not_found: not in
    // memory; security: unsafe id; validation: a task that would not load back
    // (nothing written); io: with the path and the OS's message.
    Result<std::filesystem::path> save_checkpoint(std::string_view task_id);

    // Compare-and-swap save for workers that share a versioned store (PostgreSQL):
    // writes only if the stored checkpoint is still the one this manager last
    // loaded or saved (for a task created here: only if none is stored).
    // Otherwise a validation error with error_id "version_conflict" and nothing
    // is written: load_checkpoint again and redo the work. A store without
    // versions refuses it (validation, "versions_unsupported").
    Result<std::filesystem::path> save_checkpoint_if_unchanged(std::string_view task_id);

    // Reads, validates and holds the task (replacing one with its id). A
    // checkpoint of an older version of a versioned Task schema is migrated in
    // memory (the stored one is left as it is; the next save writes the current
    // version), one newer than the code is refused (core/versioning.hpp). Returns the
    // held task, as get_task would (valid until the task is replaced or the manager dies).
    // not_found, security, io, json (line, column) or validation (per-field
    // errors, or task_id_mismatch when the checkpoint names another task);
    // every message names the checkpoint's path or URI, and details carry it.
    Result<const Task*> load_checkpoint(std::string_view task_id);

    // Sorted task ids of a project; a missing project is an empty list.
    Result<std::vector<std::string>> list_tasks(std::string_view project_id) const;

    // The checkpoint's summary, streamed from the file (no Task is built).
    Result<TaskMetadata> get_task_metadata(std::string_view task_id) const;

    // Project history and retention (see task_history.hpp).
    Result<std::vector<std::string>> list_projects() const;
    Result<task_page> list_task_metadata(std::string_view project_id, const task_query& query = {}) const;
    Result<task_page> list_all_task_metadata(const task_query& query = {}) const;
    Result<prune_result> prune(std::string_view project_id, const prune_options& options);
};

} // namespace agent_engine

#endif
