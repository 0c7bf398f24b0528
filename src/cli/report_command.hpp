#ifndef AGENT_TASKS_REPORT_COMMAND_HPP
#define AGENT_TASKS_REPORT_COMMAND_HPP

// `agent-tasks report`: writes the HTML reports of task_report.hpp.
//   report TASK_ID [-o FILE]      one task's report (on stdout without -o)
//   report --project P -o DIR     DIR/index.html, P's tasks newest first, each
//                                 linking to its report DIR/{task_id}.html

#include <agent_engine/core/error.hpp>
#include <agent_engine/core/result.hpp>
#include <agent_engine/runtime/task_store.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace agent_tasks {

// What a command takes from the agent-tasks around it.
struct command_env {
    // Opens the store --store names.
    std::function<agent_engine::Result<std::shared_ptr<agent_engine::task_store>>()> open_store;
    bool json = false; // --json: what was written, as JSON
    // Text the CLI did not write (paths, ids), fit for a terminal.
    std::function<std::string(std::string_view)> terminal_text;
    // Prints an error; returns the exit status.
    std::function<int(const agent_engine::EngineError&)> fail;
    // Prints a warning for each checkpoint left out.
    std::function<void(const std::vector<agent_engine::EngineError>&)> warn_skipped;
};

// `report` with its arguments (after the command name); a usage error throws
// boost::program_options::error.
int cmd_report(const command_env& env, const std::vector<std::string>& args);

} // namespace agent_tasks

#endif
