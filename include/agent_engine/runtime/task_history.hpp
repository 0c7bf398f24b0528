#ifndef AGENT_ENGINE_RUNTIME_TASK_HISTORY_HPP
#define AGENT_ENGINE_RUNTIME_TASK_HISTORY_HPP

// Project history over any task_store: list a project's task metadata with
// filters, ordering and paging, and prune old or finished tasks. Both read only
// each checkpoint's metadata (read_task_metadata), never whole tasks.
//
// A task's time is its updated_at (created_at when that is missing). A task
// whose time is missing or unreadable sorts as the oldest, never matches an
// updated_before / updated_after window and is never pruned by age.

#include <agent_engine/core/result.hpp>
#include <agent_engine/runtime/task_metadata.hpp>
#include <agent_engine/runtime/task_store.hpp>
#include <agent_engine/runtime/timestamp.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace agent_engine {

enum class task_order { newest_first, oldest_first };
BOOST_DESCRIBE_ENUM(task_order, newest_first, oldest_first)

struct task_query {
    // Keep tasks with one of these statuses (empty: every status).
    std::vector<TaskStatus> statuses;
    // Keep tasks updated strictly after / strictly before these timestamps.
    std::optional<std::string> updated_after;
    std::optional<std::string> updated_before;
    task_order order = task_order::newest_first;
    // At most this many tasks per page (0: no limit).
    std::size_t limit = 0;
    // The next_cursor of the previous page; empty for the first page.
    std::string cursor;
    // Told of each checkpoint read (step "read"); a store that answers from an
    // index reads none. Not part of the query's JSON.
    progress_callback progress;
};
BOOST_DESCRIBE_STRUCT(task_query, (), (statuses, updated_after, updated_before, order, limit, cursor))

struct task_page {
    std::vector<TaskMetadata> tasks;
    // Pass as task_query::cursor for the next page; empty on the last page.
    std::string next_cursor;
    // Checkpoints left out because their metadata could not be read, with why.
    std::vector<EngineError> skipped;
};
BOOST_DESCRIBE_STRUCT(task_page, (), (tasks, next_cursor, skipped))

// A task's time in microseconds since the epoch: its updated_at (created_at when
// that is missing); untimed_task when missing or unreadable.
inline constexpr std::int64_t untimed_task = std::numeric_limits<std::int64_t>::min();
std::int64_t task_time(const TaskMetadata& meta) noexcept;

// A history query once parsed: what a task_metadata_index must answer.
struct metadata_selection {
    std::vector<TaskStatus> statuses; // empty: every status
    // Only timed tasks strictly after / before these times.
    std::optional<std::int64_t> after;
    std::optional<std::int64_t> before;
    task_order order = task_order::oldest_first;
    // Only tasks strictly past this (time, stored id) in `order`.
    std::optional<std::pair<std::int64_t, std::string>> cursor;
    std::size_t limit = 0; // at most this many (0: all)
};

struct indexed_task {
    TaskMetadata meta;
    std::string id; // the stored id
    std::int64_t time = untimed_task;
    std::int64_t version = 0; // the stored document's version (stores with versions)
};

struct metadata_rows {
    std::vector<indexed_task> tasks; // ordered by (time, id) in the selection's order
    std::vector<EngineError> skipped; // documents whose metadata cannot be read
};

// Implemented by stores that keep each document's metadata in indexed columns
// (task_store::metadata_index), so history queries never read the documents.
class task_metadata_index {
public:
    virtual Result<metadata_rows> select_metadata(std::string_view project, const metadata_selection& selection) const = 0;

protected:
    ~task_metadata_index() = default;
};

// Lists the metadata of a project's tasks. An unknown project is an empty page;
// a malformed timestamp or cursor in the query is a validation error.
Result<task_page> list_task_metadata(const task_store& store, std::string_view project, const task_query& query = {});

// The same over every project of the store, merged in the query's order: one
// history whose cursor pages through all projects (an id names one project, so
// a task's (time, id) is its place in the whole store).
Result<task_page> list_all_task_metadata(const task_store& store, const task_query& query = {});

struct prune_options {
    // Remove only tasks whose time is older than this (none: any age).
    std::optional<std::chrono::seconds> older_than;
    // Remove only tasks with one of these statuses (empty: completed or failed).
    std::vector<TaskStatus> statuses;
    // Report what would be removed, remove nothing.
    bool dry_run = false;
    // Told of each checkpoint read (step "read", as task_query::progress) and
    // each removal (step "remove").
    progress_callback progress;
};

struct prune_result {
    // Removed (or, in a dry run, to be removed), oldest first.
    std::vector<TaskMetadata> removed;
    bool dry_run = false;
    // Checkpoints left alone, with why: unreadable, failed to remove, or saved
    // again since prune read them (error_id "task_changed").
    std::vector<EngineError> skipped;
};
BOOST_DESCRIBE_STRUCT(prune_result, (), (removed, dry_run, skipped))

// Retention: removes a project's tasks matching `options`, measured from `now`.
// Without older_than, explicit statuses are required (validation error otherwise),
// so that no call prunes a whole project by accident. A task is removed only if
// it still matches when removed (task_store::remove_if: the same version, or
// read again under the store's lock): one that a worker saved after prune read
// it is kept and listed in `skipped`.
Result<prune_result> prune_tasks(task_store& store, std::string_view project, const prune_options& options,
                                 std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

// Parses a duration such as "90s", "15m", "12h", "7d" or "2w"; nothing when malformed.
std::optional<std::chrono::seconds> parse_duration(std::string_view text) noexcept;

} // namespace agent_engine

#endif
