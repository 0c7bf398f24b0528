#ifndef AGENT_ENGINE_CLI_COMMAND_HPP
#define AGENT_ENGINE_CLI_COMMAND_HPP

// What a command of agent-tasks is made of, and what its implementation uses:
// the command line it was invoked with, the store, terminal-safe printing and
// failing. agent_tasks.cpp defines these and holds the table of commands: a
// command written in another file is declared here (extern const command) and
// added to that table with one line.
//
// Whatever a command prints that it did not write itself (ids, values, paths,
// messages quoting them) goes through terminal_text / terminal_message; under
// --json, results go to stdout as JSON and failures through fail().

#include <agent_engine/runtime/task_manager.hpp>

#include <boost/program_options/variables_map.hpp>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace agent_tasks {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_usage = 2;

// What a value on the command line is: how bash completion offers it.
enum class value_kind { text, directory, file, status, schema, shell };

// An option: --name (or "name,n": also -n), with a value shown as `value` in
// the help, or a flag when `value` is null.
struct option_spec {
    const char* name;
    const char* value;
    const char* help;
    value_kind kind = value_kind::text;
    bool repeatable = false;
    bool required = false;
};

// A positional argument, NAME in the help: required or optional, one or (the
// last) any number.
struct argument_spec {
    const char* name;
    bool required = false;
    bool repeated = false;
    value_kind kind = value_kind::text;
};

// A command line, parsed against its command's options and arguments.
class invocation {
public:
    std::string store; // --store (or --root): a directory or a postgresql:// URI
    bool json = false;
    bool show_progress = false; // stderr is a terminal, and no --quiet

    boost::program_options::variables_map values;
    std::map<std::string, std::vector<std::string>, std::less<>> arguments;

    bool flag(const char* name) const { return values.count(name) != 0; }
    std::optional<std::string> option(const char* name) const;
    std::vector<std::string> repeated_option(const char* name) const;
    std::optional<std::string> argument(std::string_view name) const;
    std::vector<std::string> repeated_argument(std::string_view name) const;
};

struct command {
    const char* name;
    const char* summary;
    std::vector<option_spec> options;
    std::vector<argument_spec> arguments;
    int (*run)(const invocation&);
};

// A command line that cannot be run (exit status 2): what is wrong, in the
// words the user typed, with an error_id and details for --json.
struct usage_error : std::runtime_error {
    std::string error_id;
    boost::json::object details;
    usage_error(std::string id, const std::string& message, boost::json::object more = {})
        : std::runtime_error(message), error_id(std::move(id)), details(std::move(more))
    {
    }
};

// Text the CLI did not write, escaped for a terminal (see agent_tasks.cpp).
std::string terminal_text(std::string_view s);
// An error's message for a terminal.
std::string terminal_message(const agent_engine::EngineError& e);

// Reports `e` on stderr (as JSON under --json) and returns exit_failure.
int fail(const invocation& inv, const agent_engine::EngineError& e);

// The --store, which must exist (a read of a missing store is a failure that names it).
agent_engine::Result<agent_engine::TaskManager> open_existing_store(const invocation& inv);

// A progress_callback drawing a progress line on stderr, labelled `what` when
// that says more than the step, if inv.show_progress; else an empty one.
agent_engine::progress_callback progress_line(const invocation& inv, std::string_view what = {});

} // namespace agent_tasks

#endif
