#ifndef AGENT_TASKS_TASK_REPORT_HPP
#define AGENT_TASKS_TASK_REPORT_HPP

// HTML reports of tasks, for people: one self-contained page per task (its
// stages on a timeline, their outputs and errors, its routing trace and its
// failures) and an index of a project's tasks linking to them.
//
// A checkpoint is untrusted: every value from it is HTML-escaped, with
// controls, bidi controls and bytes that are not UTF-8 shown as escapes (\n,
// \u202e, \xff) as agent-tasks prints them, and cut to report_limits. A page
// loads nothing: its Content-Security-Policy allows no fetch and no script but
// its own, which only adds niceties; everything reads with JavaScript off.
// Times are shown in UTC with a 'Z'; a missing or unreadable one as "-".

#include <agent_engine/core/error.hpp>
#include <agent_engine/runtime/task_metadata.hpp>
#include <agent_engine/schemas/task.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agent_tasks {

struct report_limits {
    // Bytes shown of one value: a stage output, an error message or details,
    // metadata. A longer one is cut there, with a note giving its size.
    std::size_t value_bytes = 64 * 1024;
    // Bytes shown of one name: an id, a stage name, a decision, a timestamp as written.
    std::size_t name_bytes = 1024;
    // Bytes of checkpoint text one page shows in all; past it, values are left
    // out with a note. Escaping can make a shown byte up to six in the page.
    std::size_t page_bytes = 16 * 1024 * 1024;
};

// The report of one task: a whole HTML document.
std::string render_task_report(const agent_engine::Task& task, const report_limits& limits = {});

// One row of a project's index.
struct index_entry {
    agent_engine::TaskMetadata meta;
    // The task's report, a file beside the index (report_file_name); empty when
    // there is none, and then `problem` says why.
    std::string report_file;
    std::optional<agent_engine::EngineError> problem;
};

// The index of a project's tasks, in the order given (agent-tasks passes them
// newest first), and the checkpoints whose metadata could not be read.
std::string render_project_index(std::string_view project, const std::vector<index_entry>& tasks,
                                 const std::vector<agent_engine::EngineError>& skipped,
                                 const report_limits& limits = {});

// The name of a task's report file beside the index: "{task_id}.html".
std::string report_file_name(std::string_view task_id);

} // namespace agent_tasks

#endif
