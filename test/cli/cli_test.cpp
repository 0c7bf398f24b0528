#define BOOST_TEST_MODULE cli_agent_tasks
#include <boost/test/unit_test.hpp>

#include "../schemas/fixtures.hpp"

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/runtime/project_id.hpp>
#include <agent_engine/schemas/task.hpp>

#include <regex>

#include <poll.h>
#include <pty.h>
#include <utmp.h> // login_tty
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using agent_engine::Task;

namespace {

struct outcome {
    int status;
    std::string out;
    std::string err;
};

std::string quoted(const std::string& s)
{
    std::string q = "'";
    for (char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs agent-tasks with `args` as a separate process.
struct cli {
    fixtures::temp_dir tmp{"cli"};
    fs::path root = tmp.path() / "tasks";

    cli() { fs::copy(fixtures::root(), root, fs::copy_options::recursive); }

    outcome run(const std::vector<std::string>& args) const
    {
        std::string command = quoted(AGENT_TASKS);
        for (auto const& a : args)
            command += " " + quoted(a);
        fs::path out = tmp.path() / "stdout", err = tmp.path() / "stderr";
        command += " >" + quoted(out.string()) + " 2>" + quoted(err.string());
        int raw = std::system(command.c_str());
        BOOST_REQUIRE(WIFEXITED(raw));
        return {WEXITSTATUS(raw), fixtures::read(out), fixtures::read(err)};
    }
    outcome at_root(std::vector<std::string> args) const
    {
        args.insert(args.begin(), {"--root", root.string()});
        return run(args);
    }
    // Runs agent-tasks at the root with its stdin, stdout and stderr on a
    // pseudo-terminal, as in an interactive shell: all it wrote there, in `out`.
    // The test keeps the terminal open itself: when the last process on it
    // closes, Linux may hang it up before its last bytes are read. Once the
    // child is gone, a mark written behind its output tells when all of it
    // has been read.
    outcome on_terminal(std::vector<std::string> args) const
    {
        args.insert(args.begin(), {AGENT_TASKS, "--root", root.string()});
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        int terminal = -1, child_side = -1;
        BOOST_REQUIRE(::openpty(&terminal, &child_side, nullptr, nullptr, nullptr) == 0);
        pid_t pid = ::fork();
        BOOST_REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(terminal);
            if (::login_tty(child_side) == 0)
                ::execv(AGENT_TASKS, argv.data());
            ::_exit(127);
        }
        static constexpr std::string_view mark = "<end of agent-tasks>";
        std::string out;
        int raw = 0;
        bool exited = false;
        while (!exited || !out.ends_with(mark)) {
            if (!exited && ::waitpid(pid, &raw, WNOHANG) == pid) {
                exited = true;
                BOOST_REQUIRE(::write(child_side, mark.data(), mark.size()) == ssize_t(mark.size()));
            }
            pollfd ready{terminal, POLLIN, 0};
            if (::poll(&ready, 1, 20) <= 0) // only how often the child is looked at, not a verdict
                continue;
            char buf[4096];
            ssize_t n = ::read(terminal, buf, sizeof buf);
            BOOST_REQUIRE(n > 0 || errno == EINTR);
            if (n > 0)
                out.append(buf, static_cast<std::size_t>(n));
        }
        ::close(child_side);
        ::close(terminal);
        BOOST_REQUIRE(WIFEXITED(raw));
        return {WEXITSTATUS(raw), out.substr(0, out.size() - mark.size()), {}};
    }
    // Runs a bash script; what it printed.
    std::string bash(const std::string& script) const
    {
        fs::path file = tmp.path() / "script.bash", out = tmp.path() / "bash.out";
        fixtures::write(file, script);
        int raw = std::system(("bash " + quoted(file.string()) + " >" + quoted(out.string())).c_str());
        BOOST_REQUIRE(WIFEXITED(raw));
        BOOST_REQUIRE(WEXITSTATUS(raw) == 0);
        return fixtures::read(out);
    }
    // Writes `t` into the store, where the library would save it.
    void plant(const Task& t) const
    {
        fixtures::write(root / agent_engine::extract_project_id(t.task_id) / (t.task_id + ".json"),
                        agent_engine::to_json(t));
    }
};

// A fixture checkpoint, to plant edited.
Task fixture_task()
{
    return agent_engine::from_json<Task>(fixtures::read(fixtures::root() / "t1" / "task-t1-98738ae8.json")).value();
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
        out.push_back(text.substr(start, nl - start));
    return out;
}

boost::json::value json_of(const std::string& text) { return agent_engine::parse_json(text).value(); }

// Whether a terminal shows `text` as it is: valid UTF-8 holding no control but
// the newlines that end its lines (no C0, DEL or C1 control) and none of
// fixtures::display_controls.
bool terminal_safe(const std::string& text)
{
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = c < 0x80 ? 1 : agent_engine::detail::utf8_sequence_length(text, i);
        if (len == 0 || (c < 0x20 && c != '\n') || c == 0x7f ||
            (c == 0xc2 && static_cast<unsigned char>(text[i + 1]) < 0xa0))
            return false;
        if (std::ranges::find(fixtures::display_controls, text.substr(i, len)) != fixtures::display_controls.end())
            return false;
        i += len;
    }
    return true;
}

} // namespace

BOOST_AUTO_TEST_CASE(list_prints_every_project_newest_first)
{
    cli c;
    auto r = c.at_root({"list"});
    BOOST_TEST(r.status == 0);
    auto rows = lines(r.out);
    BOOST_REQUIRE_EQUAL(rows.size(), 5u);
    BOOST_TEST(rows[0] == "TASK                     STATUS   PIPELINE  CREATED               UPDATED");
    BOOST_TEST(rows[1] == "task-test_spec-5de8bb8e  running  test_dag  2025-12-06 02:45:28Z  2025-12-06 02:45:28Z");
    BOOST_TEST(rows[4].starts_with("task-t1-4f2f2f93 "));
    BOOST_TEST(r.err.empty());
}

BOOST_AUTO_TEST_CASE(list_filters_and_json)
{
    cli c;
    auto r = c.at_root({"list", "t1", "--json", "--limit", "1", "--oldest-first"});
    BOOST_TEST(r.status == 0);
    auto tasks = json_of(r.out).at("tasks").as_array();
    BOOST_REQUIRE_EQUAL(tasks.size(), 1u);
    BOOST_TEST(tasks[0].at("task_id") == "task-t1-4f2f2f93");
    BOOST_TEST(tasks[0].at("updated_at") == "2025-12-06T02:39:14.208980Z");

    auto none = c.at_root({"list", "--status", "completed"});
    BOOST_TEST(none.status == 0);
    BOOST_TEST(none.out.empty());
    BOOST_TEST(c.at_root({"list", "--status", "done"}).status == 2);
    BOOST_TEST(c.at_root({"list", "--limit", "many"}).status == 2);
    BOOST_TEST(c.at_root({"list", "../etc"}).status == 1);
}

BOOST_AUTO_TEST_CASE(show_and_meta)
{
    cli c;
    auto shown = c.at_root({"show", "task-t1-98738ae8", "--json"});
    BOOST_TEST(shown.status == 0);
    BOOST_TEST(shown.out == fixtures::read(fixtures::root() / "t1" / "task-t1-98738ae8.json") + "\n");
    auto human = c.at_root({"show", "task-t1-98738ae8"});
    BOOST_TEST(human.out.find("status    running\n") != std::string::npos);
    BOOST_TEST(human.out.find("stages (2):\n") != std::string::npos);

    auto meta = c.at_root({"--json", "meta", "task-test_spec-e564b8db"});
    BOOST_TEST(meta.status == 0);
    BOOST_TEST(json_of(meta.out) == json_of(R"({"task_id": "task-test_spec-e564b8db", "status": "running",
        "pipeline_id": "test_dag", "created_at": "2025-12-06T02:45:18.336190Z",
        "updated_at": "2025-12-06T02:45:18.344398Z"})"));

    auto missing = c.at_root({"meta", "task-t1-missing"});
    BOOST_TEST(missing.status == 1);
    BOOST_TEST(missing.out.empty());
    BOOST_TEST(missing.err.find("not found") != std::string::npos);
    BOOST_TEST(c.at_root({"show"}).status == 2);
}

BOOST_AUTO_TEST_CASE(prune_dry_run_then_for_real)
{
    cli c;
    auto nothing = c.at_root({"prune", "t1", "--older-than", "1d"}); // only terminal tasks by default
    BOOST_TEST(nothing.status == 0);
    BOOST_TEST(nothing.out == "removed 0 tasks\n");

    auto dry = c.at_root({"prune", "t1", "--older-than", "1d", "--status", "running", "--dry-run", "--json"});
    BOOST_TEST(dry.status == 0);
    BOOST_TEST(json_of(dry.out).at("removed").as_array().size() == 2u);
    BOOST_TEST(json_of(dry.out).at("dry_run") == true);
    BOOST_TEST(fs::exists(c.root / "t1" / "task-t1-4f2f2f93.json"));

    auto real = c.at_root({"prune", "t1", "--older-than", "1d", "--status", "running"});
    BOOST_TEST(real.status == 0);
    BOOST_TEST(lines(real.out).front() == "removed 2 tasks:");
    BOOST_TEST(fs::is_empty(c.root / "t1"));
    BOOST_TEST(fs::exists(c.root / "test_spec" / "task-test_spec-e564b8db.json"));

    BOOST_TEST(c.at_root({"prune", "t1"}).status == 2);
    BOOST_TEST(c.at_root({"prune", "t1", "--older-than", "soon"}).status == 2);
}

// Task declares no version yet: every readable checkpoint is current, and
// migrate writes nothing; one it cannot read is reported and left as it was.
BOOST_AUTO_TEST_CASE(migrate_reports_each_checkpoint_and_leaves_what_fails)
{
    cli c;
    auto current = c.at_root({"migrate", "t1"});
    BOOST_TEST(current.status == 0, current.err);
    BOOST_TEST(current.out == "t1/task-t1-4f2f2f93: already current\nt1/task-t1-98738ae8: already current\n"
                              "migrated 0, already current 2, failed 0\n");
    fs::path broken = c.root / "t1" / "task-t1-00broken.json";
    const std::string broken_text = R"({"task_id": "task-t1-00broken", "spec": 3})";
    fixtures::write(broken, broken_text);
    fs::path kept = c.root / "t1" / "task-t1-98738ae8.json";
    std::string kept_text = fixtures::read(kept);

    auto failed = c.at_root({"migrate", "--dry-run"});
    BOOST_TEST(failed.status == 1);
    BOOST_TEST(lines(failed.out).front() == "t1/task-t1-00broken: failed, left as it was: " + broken.string() + ":");
    BOOST_TEST(lines(failed.out).back() == "would migrate 0, already current 4, failed 1");
    auto json = c.at_root({"--json", "migrate", "t1"});
    BOOST_TEST(json.status == 1);
    auto report = json_of(json.out);
    BOOST_TEST(report.at("failed") == 1);
    BOOST_TEST(report.at("current") == 2);
    BOOST_TEST(report.at("dry_run") == false);
    auto const& first = report.at("documents").at(0);
    BOOST_TEST(first.at("task_id") == "task-t1-00broken");
    BOOST_TEST(first.at("outcome") == "failed");
    BOOST_TEST(first.at("error").at("error_id") == "validation_failed");
    BOOST_TEST(fixtures::read(broken) == broken_text);
    BOOST_TEST(fixtures::read(kept) == kept_text);

    auto nope = c.at_root({"migrate", "nope"});
    BOOST_TEST(nope.status == 1);
    BOOST_TEST(nope.err == "agent-tasks: No project 'nope' in the store\n");
}

BOOST_AUTO_TEST_CASE(validate_lists_errors_and_fails_when_any_file_is_invalid)
{
    cli c;
    fs::path good = c.root / "t1" / "task-t1-4f2f2f93.json";
    auto ok = c.run({"validate", good.string()});
    BOOST_TEST(ok.status == 0);
    BOOST_TEST(ok.out == good.string() + ": ok\n");

    fs::path bad = c.tmp.path() / "bad.json";
    fixtures::write(bad, R"({"task_id": "x", "status": "lost"})");
    auto r = c.run({"validate", good.string(), bad.string()});
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.out.find(bad.string() + ":\n3 validation errors for Task\nspec\n  Field required [type=missing") !=
               std::string::npos);

    auto json = c.run({"--json", "validate", bad.string(), (c.tmp.path() / "absent.json").string()});
    BOOST_TEST(json.status == 1);
    auto report = json_of(json.out).as_array();
    BOOST_REQUIRE_EQUAL(report.size(), 2u);
    BOOST_TEST(report[0].at("valid") == false);
    BOOST_TEST(report[0].at("error").at("code") == "validation");
    BOOST_TEST(report[1].at("error").at("code") == "io");
    BOOST_TEST(c.run({"validate"}).status == 2);
}

// validate opens what it is given as a store opens a checkpoint: a FIFO (which
// would block a plain read forever), a directory, a device or a file over the
// size limit is an io error naming it, and the other files are still checked.
BOOST_AUTO_TEST_CASE(validate_opens_files_as_the_stores_do)
{
    cli c;
    fs::path good = c.root / "t1" / "task-t1-4f2f2f93.json";
    fs::path fifo = c.tmp.path() / "fifo.json", dir = c.tmp.path() / "dir.json", huge = c.tmp.path() / "huge.json";
    BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    fs::create_directory(dir);
    fixtures::write(huge, fixtures::read(good));
    fs::resize_file(huge, (std::uintmax_t{1} << 30) + 1); // sparse: takes no disk
    auto r = c.run({"--json", "validate", fifo.string(), dir.string(), "/dev/zero", huge.string(), good.string()});
    BOOST_TEST(r.status == 1);
    auto report = json_of(r.out).as_array();
    BOOST_REQUIRE_EQUAL(report.size(), 5u);
    const char* ids[] = {"not_a_file", "not_a_file", "not_a_file", "document_too_large"};
    for (std::size_t i = 0; i < 4; ++i) {
        auto const& e = report[i].at("error");
        BOOST_TEST(e.at("code") == "io");
        BOOST_TEST(e.at("error_id") == ids[i]);
        std::string file(report[i].at("file").as_string());
        BOOST_TEST(std::string(e.at("message").as_string()).find(file) != std::string::npos, e.at("message"));
    }
    BOOST_TEST(report[4].at("valid") == true);
    auto text = c.run({"validate", dir.string()});
    BOOST_TEST(text.out == "Cannot read " + dir.string() + ": it is a directory, not a checkpoint file\n");
}

BOOST_AUTO_TEST_CASE(schema_prints_json_schema)
{
    cli c;
    auto names = c.run({"schema"});
    BOOST_TEST(names.status == 0);
    BOOST_TEST(names.out.find("Task\n") != std::string::npos);
    auto task = c.run({"schema", "Task"});
    BOOST_TEST(task.status == 0);
    BOOST_TEST(json_of(task.out).at("title") == "Task");
    BOOST_TEST(c.run({"schema", "Nope"}).status == 2);
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2)
{
    cli c;
    BOOST_TEST(c.run({}).status == 2);
    auto unknown = c.run({"frobnicate"});
    BOOST_TEST(unknown.status == 2);
    BOOST_TEST(unknown.err.find("unknown command 'frobnicate'") != std::string::npos);
    BOOST_TEST(c.run({"list", "--bogus"}).status == 2);
    auto help = c.run({"--help"});
    BOOST_TEST(help.status == 0);
    BOOST_TEST(help.out.starts_with("usage: agent-tasks"));
}

// An option the command does not know, anywhere on the line, is named and
// refused: it was once taken for the command, and the command for the project.
BOOST_AUTO_TEST_CASE(unknown_options_and_stray_arguments_are_usage_errors_naming_them)
{
    cli c;
    struct refused {
        std::vector<std::string> args;
        std::string message; // the first line of stderr, after "agent-tasks: "
    };
    for (auto const& [args, message] : std::vector<refused>{
             {{"--jsn", "list"}, "unrecognised option '--jsn'"},
             {{"--bogus", "list", "t1"}, "unrecognised option '--bogus'"},
             {{"list", "--stat", "running"}, "unrecognised option '--stat'"}, // no guessing from prefixes
             {{"list", "t1", "t2"}, "list: unexpected argument 't2'"},
             {{"show", "task-t1-98738ae8", "extra"}, "show: unexpected argument 'extra'"},
             {{"show"}, "show: missing TASK_ID"},
             {{"meta"}, "meta: missing TASK_ID"},
             {{"prune", "--older-than", "1d"}, "prune: missing PROJECT"},
             {{"prune"}, "prune: missing PROJECT"},
             {{"prune", "t1"}, "prune: missing --older-than AGE"},
             {{"copy", "t1"}, "copy: missing --to DIR|URI"},
             {{"validate"}, "validate: missing FILE"},
             {{"completion", "fish"}, "completion: unknown shell 'fish' (bash)"},
             {{"list", "--limit", "-1"}, "--limit: not a whole number of 1 or more: '-1'"},
             {{"list", "--limit", "0"}, "--limit: not a whole number of 1 or more: '0'"},
             {{"list", "--limit", "2x"}, "--limit: not a whole number of 1 or more: '2x'"},
             {{"list", "--limit"}, "the required argument for option '--limit' is missing"},
             {{"list", "--limit", "1", "--limit", "2"}, "option '--limit' cannot be specified more than once"},
             {{"list", "--since", "yesterday"},
              "--since: not a time (2025-12-06T02:45:18Z) or an age (7d): 'yesterday'"},
             {{"list", "--cursor", "garbage"}, "--cursor: Not a cursor returned by a previous page: 'garbage'"},
             {{"prune", "t1", "--older-than", "soon"}, "--older-than: not an age (90s, 30m, 12h, 7d, 2w): 'soon'"},
             {{"--store", "a", "list"}, "--store and --root name the same store: give one"}, // and --root
             {{"--store", "a", "list", "--store", "b"}, "option '--store' cannot be specified more than once"},
         }) {
        auto r = c.at_root(args);
        BOOST_TEST_CONTEXT(args.back())
        {
            BOOST_TEST(r.status == 2);
            BOOST_TEST(r.out.empty());
            BOOST_TEST(lines(r.err).at(0) == "agent-tasks: " + message);
            BOOST_TEST(r.err.find("--task-id") == std::string::npos);
        }
    }
    // The hint names the command's own help.
    BOOST_TEST(lines(c.at_root({"list", "--bogus"}).err).at(1) == "try 'agent-tasks list --help'");
    BOOST_TEST(lines(c.at_root({"--bogus"}).err).at(1) == "try 'agent-tasks --help'");
    // After "--" every word is an argument, even one that looks like an option.
    auto dashed = c.at_root({"validate", "--", "--json"});
    BOOST_TEST(dashed.status == 1);
    BOOST_TEST(dashed.out == "Cannot open --json: No such file or directory\n");
}

BOOST_AUTO_TEST_CASE(version_and_help_of_each_command)
{
    cli c;
    auto version = c.run({"--version"});
    BOOST_TEST(version.status == 0);
    BOOST_TEST(std::regex_match(version.out, std::regex("agent-tasks [0-9]+\\.[0-9]+\\.[0-9]+\n")), version.out);
    auto global = c.run({"--help"});
    for (auto command : {"list", "show", "meta", "prune", "validate", "schema", "copy", "migrate", "completion"})
        BOOST_TEST(global.out.find("\n  " + std::string(command) + " ") != std::string::npos, command);

    auto list = c.run({"list", "--help"});
    BOOST_TEST(list.status == 0);
    BOOST_TEST(list.out.starts_with("usage: agent-tasks list [PROJECT] [OPTIONS]\n"));
    for (auto option : {"--status S", "--since TIME", "--until TIME", "--limit N", "--cursor C", "--oldest-first"})
        BOOST_TEST(list.out.find(option) != std::string::npos, option);
    BOOST_TEST(list.out.find("commands:") == std::string::npos);
    // Help needs nothing else the command needs, wherever it is asked for.
    BOOST_TEST(c.run({"prune", "--help"}).out.starts_with("usage: agent-tasks prune PROJECT --older-than AGE [OPTIONS]\n"));
    BOOST_TEST(c.run({"--json", "show", "--help"}).out.starts_with("usage: agent-tasks show TASK_ID\n"));
    BOOST_TEST(c.run({"--help", "copy"}).out.starts_with("usage: agent-tasks copy [PROJECT]... --to DIR|URI [OPTIONS]\n"));
}

// Reading a store that is not there is a failure that names it, not an empty history.
BOOST_AUTO_TEST_CASE(a_missing_store_is_a_failure_for_every_command_that_reads_it)
{
    cli c;
    std::string missing = (c.tmp.path() / "nowhere").string();
    for (std::vector<std::string> args : {std::vector<std::string>{"list"},
                                          {"list", "t1"},
                                          {"show", "task-t1-98738ae8"},
                                          {"meta", "task-t1-98738ae8"},
                                          {"prune", "t1", "--older-than", "1d"},
                                          {"copy", "--to", c.root.string()},
                                          {"migrate"}}) {
        args.insert(args.begin(), {"--store", missing});
        auto r = c.run(args);
        BOOST_TEST_CONTEXT(args.at(2))
        {
            BOOST_TEST(r.status == 1);
            BOOST_TEST(r.out.empty());
            BOOST_TEST(r.err == "agent-tasks: No task store at " + missing + ": the directory does not exist\n");
        }
    }
    BOOST_TEST(!fs::exists(missing));
    // A destination is made when missing.
    auto copied = c.run({"--store", c.root.string(), "copy", "--to", missing});
    BOOST_TEST(copied.status == 0, copied.err);
    BOOST_TEST(fs::exists(fs::path(missing) / "t1" / "task-t1-98738ae8.json"));
}

BOOST_AUTO_TEST_CASE(copy_names_what_it_did_not_find_and_keeps_what_differs)
{
    cli c;
    std::string to = (c.tmp.path() / "copy").string();
    auto none = c.at_root({"copy", "--to", to, "t1", "nosuchproject"});
    BOOST_TEST(none.status == 1);
    BOOST_TEST(none.err == "agent-tasks: No project 'nosuchproject' in the source store\n");
    BOOST_TEST(!fs::exists(to));

    BOOST_TEST(c.at_root({"copy", "--to", to, "t1"}).out ==
               "copied 2 checkpoints of 1 project to " + to + ", each read back and compared\n");
    fs::path changed = fs::path(to) / "t1" / "task-t1-98738ae8.json";
    fixtures::write(changed, "{}");
    auto kept = c.at_root({"copy", "--to", to});
    BOOST_TEST(kept.status == 1);
    BOOST_TEST(kept.out == "copied 2 checkpoints of 2 projects to " + to +
                               ", each read back and compared; 1 was there already\n");
    BOOST_TEST(kept.err == "agent-tasks: Kept " + changed.string() + ": it differs from " +
                               (c.root / "t1" / "task-t1-98738ae8.json").string() +
                               " (copy with overwrite to replace it)\n"
                               "agent-tasks: kept 1 checkpoint that differs from the source; --overwrite replaces them\n");
    BOOST_TEST(fixtures::read(changed) == "{}");
    auto json = c.at_root({"--json", "copy", "--to", to});
    BOOST_TEST(json.status == 1);
    auto report = json_of(json.out);
    BOOST_TEST(report.at("copied") == 0);
    BOOST_TEST(report.at("unchanged") == 3);
    BOOST_TEST(report.at("projects") == (boost::json::array{"t1", "test_spec"}));
    BOOST_TEST(report.at("refused").at(0).at("error_id") == "destination_differs");

    auto replaced = c.at_root({"copy", "--to", to, "--overwrite"});
    BOOST_TEST(replaced.status == 0);
    BOOST_TEST(fixtures::read(changed) == fixtures::read(c.root / "t1" / "task-t1-98738ae8.json"));
}

// Under --json a failure is one JSON object on stderr, and stdout stays empty.
BOOST_AUTO_TEST_CASE(json_errors_are_json_objects_on_stderr)
{
    cli c;
    auto missing = c.at_root({"--json", "show", "task-t1-missing"});
    BOOST_TEST(missing.status == 1);
    BOOST_TEST(missing.out.empty());
    BOOST_REQUIRE_EQUAL(lines(missing.err).size(), 1u);
    auto error = json_of(missing.err);
    BOOST_TEST(error.at("code") == "not_found");
    BOOST_TEST(error.at("error_id") == "checkpoint_not_found");
    BOOST_TEST(error.at("details").at("path") == boost::json::value((c.root / "t1" / "task-t1-missing.json").string()));
    BOOST_TEST(std::string(error.at("message").as_string()).find("task-t1-missing.json") != std::string::npos);

    auto usage = c.at_root({"list", "--json", "--limit", "-1"});
    BOOST_TEST(usage.status == 2);
    BOOST_TEST(usage.out.empty());
    BOOST_TEST(json_of(usage.err) == json_of(R"({"code": "usage", "error_id": "invalid_value",
        "message": "--limit: not a whole number of 1 or more: '-1'", "details": {"option": "--limit", "value": "-1"}})"));
    auto unknown = json_of(c.at_root({"--json", "list", "--bogus"}).err);
    BOOST_TEST(unknown.at("error_id") == "unknown_option");
    BOOST_TEST(unknown.at("details").at("option") == "--bogus");
    auto gone = json_of(c.run({"--json", "--store", (c.tmp.path() / "none").string(), "list"}).err);
    BOOST_TEST(gone.at("error_id") == "store_not_found");
}

// A history read a page at a time, filtered by time and status; what it skips
// is part of its --json output.
BOOST_AUTO_TEST_CASE(list_pages_with_a_cursor_and_filters_by_time)
{
    cli c;
    auto first = c.at_root({"list", "--limit", "3"});
    BOOST_TEST(first.status == 0);
    auto rows = lines(first.out);
    BOOST_REQUIRE_EQUAL(rows.size(), 5u); // the header, three tasks, the cursor
    BOOST_TEST(rows[3].starts_with("task-test_spec-e564b8db "));
    BOOST_REQUIRE(rows[4].starts_with("next page: --cursor "));
    std::string cursor = rows[4].substr(std::string("next page: --cursor ").size());
    auto rest = c.at_root({"list", "--limit", "3", "--cursor", cursor});
    BOOST_TEST(lines(rest.out).size() == 2u); // the header and the last task, no cursor
    BOOST_TEST(lines(rest.out).at(1).starts_with("task-t1-4f2f2f93 "));
    auto json = json_of(c.at_root({"--json", "list", "--limit", "3"}).out);
    BOOST_TEST(json.at("tasks").as_array().size() == 3u);
    BOOST_TEST(json.at("next_cursor") == boost::json::value(cursor));

    auto window = c.at_root({"--json", "list", "--since", "2025-12-06T02:40:00Z", "--until", "2025-12-06 02:45:20Z"});
    BOOST_TEST(window.status == 0);
    auto tasks = json_of(window.out).at("tasks").as_array();
    BOOST_REQUIRE_EQUAL(tasks.size(), 1u);
    BOOST_TEST(tasks[0].at("task_id") == "task-test_spec-e564b8db");
    BOOST_TEST(json_of(c.at_root({"--json", "list", "--since", "1d"}).out).at("tasks").as_array().empty());
    BOOST_TEST(json_of(c.at_root({"--json", "list", "--until", "1d", "--status", "running", "--status", "failed"}).out)
                   .at("tasks")
                   .as_array()
                   .size() == 4u);

    fixtures::write(c.root / "t1" / "task-t1-bad.json", "{");
    auto skipped = c.at_root({"--json", "list"});
    BOOST_TEST(skipped.status == 0);
    BOOST_TEST(skipped.err.empty());
    auto doc = json_of(skipped.out);
    BOOST_TEST(doc.at("tasks").as_array().size() == 4u);
    BOOST_REQUIRE_EQUAL(doc.at("skipped").as_array().size(), 1u);
    BOOST_TEST(doc.at("skipped").at(0).at("details").at("path") ==
               boost::json::value((c.root / "t1" / "task-t1-bad.json").string()));
}

// Times are shown with their zone: UTC, as the checkpoints keep them.
BOOST_AUTO_TEST_CASE(times_are_printed_in_utc_with_their_zone)
{
    cli c;
    Task t = fixture_task();
    t.task_id = "task-zone-1";
    t.created_at = "2025-12-06T04:45:28.5+02:00";
    t.updated_at = "2025-12-06T02:50:00"; // no offset: read as UTC
    c.plant(t);
    auto list = c.at_root({"list", "zone"});
    BOOST_TEST(lines(list.out).at(1).ends_with("  2025-12-06 02:45:28Z  2025-12-06 02:50:00Z"), list.out);
    auto meta = c.at_root({"meta", "task-zone-1"});
    BOOST_TEST(meta.out.find("\ncreated_at   2025-12-06T02:45:28.500000Z\nupdated_at   2025-12-06T02:50:00.000000Z\n") !=
               std::string::npos, meta.out);
    auto show = c.at_root({"show", "task-zone-1"});
    BOOST_TEST(show.out.find("\ncreated   2025-12-06T02:45:28.500000Z\n") != std::string::npos, show.out);
}

// The hostile-input review's pipeline id: printed raw, it added a row to `list`
// and retitled the terminal.
const std::string forged_pipeline =
    "p1\ntask-admin-0  completed  FORGED  2025-12-06 02:45:28  2025-12-06 02:45:28\x1b]0;pwned\x07\u202e";
const std::string forged_pipeline_shown =
    "p1\\ntask-admin-0  completed  FORGED  2025-12-06 02:45:28  2025-12-06 02:45:28\\x1b]0;pwned\\x07\\u202e";

BOOST_AUTO_TEST_CASE(text_read_from_a_store_is_printed_escaped_one_line_per_row)
{
    cli c;
    Task t = fixture_task();
    t.task_id = "task-t1-forged";
    t.pipeline_id = forged_pipeline;
    t.current_stage_id = "s2\x1b[2J";
    t.spec.request = "do";
    for (auto const& control : fixtures::display_controls)
        t.spec.request += control;
    agent_engine::StageExecutionRecord failed;
    failed.error = agent_engine::make_error(agent_engine::EngineErrorCode::tool,
                                            agent_engine::EngineErrorSource::runtime, "boom", "boom\r\x1b[1A");
    failed.completed_at = "2025-12-06T02:45:29Z";
    t.stage_results.insert_or_assign("s\n\u2066evil", std::move(failed));
    t.failure_signatures.emplace_back().message = "fail\u200f\x7f";
    c.plant(t);

    auto list = c.at_root({"list"});
    BOOST_TEST(list.status == 0);
    BOOST_TEST(terminal_safe(list.out));
    auto rows = lines(list.out);
    BOOST_REQUIRE_EQUAL(rows.size(), 6u); // the header and five tasks: nothing forged
    BOOST_TEST(rows[2] == "task-t1-forged           running  " + forged_pipeline_shown +
                              "  2025-12-06 02:45:28Z  2025-12-06 02:45:28Z");
    for (std::size_t i = 1; i < rows.size(); ++i) // every row's columns where the header's are
        BOOST_TEST(rows[i].size() == rows[0].find("UPDATED") + std::string("2025-12-06 02:45:28Z").size());

    auto show = c.at_root({"show", t.task_id});
    BOOST_TEST(show.status == 0);
    BOOST_TEST(terminal_safe(show.out));
    BOOST_TEST(lines(show.out).size() == 13u); // 8 fields, "stages (3):", a line per stage, one failure
    BOOST_TEST(show.out.find("\npipeline  " + forged_pipeline_shown + "\n") != std::string::npos);
    BOOST_TEST(show.out.find("\nstage     s2\\x1b[2J\n") != std::string::npos);
    BOOST_TEST(show.out.find("\nrequest   do\\u0080\\u0085\\u009b\\u009f\\u2028\\u2029\\u061c\\u200e\\u200f\\u202a"
                             "\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\n") != std::string::npos);
    BOOST_TEST(show.out.find("\n  s\\n\\u2066evil  2025-12-06T02:45:29.000000Z  error: boom\\r\\x1b[1A\n") !=
               std::string::npos);
    BOOST_TEST(show.out.find("\nfailure   unknown: fail\\u200f\\x7f\n") != std::string::npos);

    auto meta = c.at_root({"meta", t.task_id});
    BOOST_TEST(meta.status == 0);
    BOOST_TEST(terminal_safe(meta.out));
    BOOST_TEST(lines(meta.out).size() == 5u);
    BOOST_TEST(meta.out.find("\npipeline_id  " + forged_pipeline_shown + "\n") != std::string::npos);

    auto prune = c.at_root({"prune", "t1", "--older-than", "1d", "--status", "running", "--dry-run"});
    BOOST_TEST(prune.status == 0);
    BOOST_TEST(terminal_safe(prune.out));
    BOOST_TEST(lines(prune.out).size() == 5u); // "would remove 3 tasks:", the header and a row each
    BOOST_TEST(prune.out.find("task-t1-forged    running  " + forged_pipeline_shown + "  ") != std::string::npos);

    // --json is JSON: every control escaped, and each value as it is stored.
    auto shown = c.at_root({"--json", "show", t.task_id});
    BOOST_TEST(terminal_safe(shown.out));
    BOOST_TEST(shown.out == agent_engine::to_json(t) + "\n");
    BOOST_TEST(agent_engine::from_json<Task>(shown.out).value().spec.request == t.spec.request);
    for (auto const& args : std::vector<std::vector<std::string>>{{"--json", "meta", t.task_id},
                                                                   {"--json", "list", "t1"},
                                                                   {"--json", "prune", "t1", "--older-than", "1d",
                                                                    "--status", "running", "--dry-run"}}) {
        auto r = c.at_root(args);
        BOOST_TEST(terminal_safe(r.out));
        auto doc = json_of(r.out);
        for (auto key : {"removed", "tasks"})
            if (doc.is_object() && doc.as_object().contains(key))
                doc = doc.at(key);
        if (doc.is_object())
            doc = boost::json::array{doc};
        auto forged = std::ranges::find(doc.as_array(), boost::json::value("task-t1-forged"),
                                        [](const boost::json::value& task) { return task.at("task_id"); });
        BOOST_REQUIRE(forged != doc.as_array().end());
        BOOST_TEST(std::string_view(forged->at("pipeline_id").as_string()) == forged_pipeline);
    }
}

// A checkpoint with four validation errors, one of them under a key holding a newline.
const std::string invalid_checkpoint =
    R"({"task_id": "x", "status": "lost\u001b[31m", "stage_results": {"s\nforged": {"started_at": 1}}})";

BOOST_AUTO_TEST_CASE(errors_and_reports_quoting_hostile_text_are_printed_escaped)
{
    cli c;
    std::string dir = c.tmp.path().string();
    fs::path bad = c.tmp.path() / "bad\u202enosj.json";
    fixtures::write(bad, invalid_checkpoint);
    auto validate = c.run({"validate", bad.string(), dir + "/absent\xff.json"});
    BOOST_TEST(validate.status == 1);
    BOOST_TEST(terminal_safe(validate.out));
    auto report = lines(validate.out);
    BOOST_REQUIRE_EQUAL(report.size(), 11u); // the file, the count of errors, two lines per error, the other file
    BOOST_TEST(report[0] == dir + "/bad\\u202enosj.json:");
    BOOST_TEST(report[1] == "4 validation errors for Task");
    BOOST_TEST(report[5].find("input_value='lost\\x1b[31m'") != std::string::npos);
    BOOST_TEST(report[8] == "stage_results.s\\nforged.started_at");
    BOOST_TEST(report[10] == "Cannot open " + dir + "/absent\\xff.json: No such file or directory");
    // --json keeps the key as it is
    auto json = json_of(c.run({"--json", "validate", bad.string()}).out);
    BOOST_TEST(json.at(0).at("error").at("details").at("errors").at(3).at("loc").at(1) == "s\nforged");

    // The same report as the error of `show`, and what `list` skips, below the
    // checkpoint's path (escaped: the store's directory holds an ESC).
    fs::path store = c.tmp.path() / "store\x1b[2J";
    fs::rename(c.root, store);
    fixtures::write(store / "t1" / "task-t1-bad.json", invalid_checkpoint);
    std::string shown_path = dir + "/store\\x1b[2J/t1/task-t1-bad.json";
    auto show = c.run({"--root", store.string(), "show", "task-t1-bad"});
    BOOST_TEST(show.status == 1);
    BOOST_TEST(terminal_safe(show.err));
    BOOST_TEST(lines(show.err).size() == 10u);
    BOOST_TEST(show.err.starts_with("agent-tasks: " + shown_path + ":\n4 validation errors for Task\n"), show.err);
    BOOST_TEST(show.err.find("\nstage_results.s\\nforged.started_at\n") != std::string::npos);
    auto list = c.run({"--root", store.string(), "list", "t1"});
    BOOST_TEST(list.status == 0);
    BOOST_TEST(terminal_safe(list.err));
    BOOST_TEST(list.err.starts_with("agent-tasks: warning: skipped: " + shown_path +
                                    ":\n2 validation errors for TaskMetadata\n"), list.err);
    BOOST_TEST(lines(list.out).size() == 3u);
    fixtures::write(store / "t1" / "task-t1-bad.json", "{\"task_id\": ");
    BOOST_TEST(c.run({"--root", store.string(), "list", "t1"}).err ==
               "agent-tasks: warning: skipped: " + shown_path +
                   ": Invalid JSON: incomplete JSON at line 1, column 13 (char 12)\n");
    fs::rename(store, c.root);

    // Paths and arguments quoted in messages.
    auto none = c.run({"--root", dir + "/none\xff\x1b[2J", "list"});
    BOOST_TEST(none.status == 1);
    BOOST_TEST(none.err == "agent-tasks: No task store at " + dir + "/none\\xff\\x1b[2J: the directory does not exist\n");
    auto usage = c.at_root({"list", "--status", "done\x1b]0;pwned\x07"});
    BOOST_TEST(usage.status == 2);
    BOOST_TEST(usage.err.starts_with("agent-tasks: --status: unknown status 'done\\x1b]0;pwned\\x07' ("));
    auto option = c.at_root({"list", "--limit", "9\u202e"});
    BOOST_TEST(option.status == 2);
    BOOST_TEST(option.err.find("9\\u202e") != std::string::npos);
    for (auto const& r : {none, usage, option})
        BOOST_TEST(terminal_safe(r.err));
}

// A report of more errors than a read keeps ends with how many more there
// were, and keeps its lines (formatted again with the total, it matches).
BOOST_AUTO_TEST_CASE(a_report_of_more_errors_than_kept_keeps_its_lines)
{
    cli c;
    std::string trace = "[1";
    for (int i = 1; i < 1500; ++i)
        trace += ",1";
    fs::path bad = c.tmp.path() / "many.json";
    fixtures::write(bad, R"({"task_id": "t", "spec": {"task_spec_id": "s", "request": "r"}, "pipeline_id": "p",
                           "routing_trace": )" + trace + "]}");
    auto r = c.run({"validate", bad.string()});
    BOOST_TEST(r.status == 1);
    auto report = lines(r.out);
    BOOST_REQUIRE_EQUAL(report.size(), 1u + 1 + 2 * 1000 + 1);
    BOOST_TEST(report[0] == bad.string() + ":");
    BOOST_TEST(report[1] == "1500 validation errors for Task");
    BOOST_TEST(report.back() == "... and 500 more errors (max_errors=1000)");
}

// Each column as wide as its widest cell on the terminal: a CJK character takes
// two columns, a combining accent none.
BOOST_AUTO_TEST_CASE(table_columns_are_measured_in_terminal_columns)
{
    cli c;
    Task wide = fixture_task();
    wide.task_id = "task-wide-日本語";
    wide.pipeline_id = "re\u0301sume\u0301-pipeline";
    c.plant(wide);
    Task narrow = fixture_task();
    narrow.task_id = "task-wide-1";
    c.plant(narrow);
    auto r = c.at_root({"list", "wide"});
    BOOST_TEST(r.status == 0);
    BOOST_TEST(r.out == "TASK              STATUS   PIPELINE         CREATED               UPDATED\n"
                        "task-wide-日本語  running  re\u0301sume\u0301-pipeline  2025-12-06 02:45:28Z  2025-12-06 02:45:28Z\n"
                        "task-wide-1       running  p1               2025-12-06 02:45:28Z  2025-12-06 02:45:28Z\n");
}

// On a terminal, work over many checkpoints draws a progress line on stderr:
// when each step starts and ends (drawn whatever the speed, so that this test
// needs no timing), and in between. --quiet, or stderr not a terminal: none.
BOOST_AUTO_TEST_CASE(progress_is_drawn_on_a_terminal_only)
{
    cli c;
    for (int i = 0; i < 30; ++i) {
        Task t = fixture_task();
        t.task_id = "task-many-" + std::to_string(100 + i);
        c.plant(t);
    }
    std::string to = (c.tmp.path() / "copy").string(), t1 = (c.root / "t1").string();
    struct drawn {
        std::vector<std::string> args;
        std::vector<std::string> steps; // each drawn at 0 and at its total
    };
    for (auto const& [args, steps] : std::vector<drawn>{
             {{"list"}, {"read 34/34"}},
             {{"list", "many", "--json"}, {"read 30/30"}},
             {{"copy", "--to", to}, {"copy 34/34"}},
             {{"validate", t1 + "/task-t1-4f2f2f93.json", t1 + "/task-t1-98738ae8.json"}, {"check 2/2"}},
             {{"migrate", "--dry-run"}, {"migrate 34/34"}},
             {{"prune", "many", "--older-than", "1d", "--status", "running"},
              {"prune many: read 30/30", "prune many: remove 30/30"}},
         }) {
        auto r = c.on_terminal(args);
        BOOST_TEST_CONTEXT(args.front())
        {
            BOOST_TEST(r.status == 0, r.out);
            std::size_t at = 0;
            for (auto const& step : steps) {
                std::string total = step.substr(step.rfind('/') + 1);
                std::string start = "\ragent-tasks: " + step.substr(0, step.rfind(' ') + 1) + "0/" + total + "\x1b[K";
                std::size_t started = r.out.find(start, at);
                BOOST_TEST(started != std::string::npos, start);
                // the end: with the rate, then erased
                at = r.out.find("\ragent-tasks: " + step + " (", started);
                BOOST_TEST(at != std::string::npos, step);
                BOOST_TEST(r.out.substr(at, r.out.find("\x1b[K", at) - at).ends_with("/s)"));
                BOOST_TEST(r.out.find("\x1b[K\r\x1b[K", at) != std::string::npos);
            }
        }
    }
    BOOST_TEST(c.on_terminal({"--quiet", "list"}).out.find("agent-tasks: read") == std::string::npos);
    // A failure in the middle erases the line before it is reported.
    fs::path blocked = c.tmp.path() / "blocked";
    fixtures::write(blocked / "t1", "a file where a project directory belongs");
    auto failed = c.on_terminal({"copy", "--to", blocked.string(), "t1"});
    BOOST_TEST(failed.status == 1);
    BOOST_TEST(failed.out.find("\ragent-tasks: copy 0/2\x1b[K\r\x1b[Kagent-tasks: Cannot ") != std::string::npos,
               failed.out);
    auto piped = c.at_root({"copy", "--to", to});
    BOOST_TEST(piped.status == 0);
    BOOST_TEST(piped.err.empty());
}

// The completion script is made from the tables the parser uses: bash offers
// every command, every option a command's help lists, and the values it knows.
BOOST_AUTO_TEST_CASE(bash_completion_offers_what_the_parser_accepts)
{
    cli c;
    auto script = c.run({"completion", "bash"});
    BOOST_REQUIRE(script.status == 0);
    fs::path completion = c.tmp.path() / "agent-tasks.bash";
    fixtures::write(completion, script.out);
    auto complete = [&](const std::vector<std::string>& words) {
        std::string line = "source " + quoted(completion.string()) + "\nCOMP_WORDS=(";
        for (auto const& w : words)
            line += " " + quoted(w);
        line += ")\nCOMP_CWORD=" + std::to_string(words.size() - 1) + "\n_agent_tasks\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        auto offered = lines(c.bash(line));
        std::erase(offered, "");
        std::sort(offered.begin(), offered.end());
        return offered;
    };
    using words = std::vector<std::string>;
    BOOST_TEST(complete({"agent-tasks", ""}) ==
                   (words{"completion", "copy", "list", "meta", "migrate", "prune", "report", "schema", "show", "validate"}),
               boost::test_tools::per_element());
    BOOST_TEST(complete({"agent-tasks", "--json", "li"}) == words{"list"}, boost::test_tools::per_element());
    BOOST_TEST(complete({"agent-tasks", "list", "--status", ""}) == (words{"completed", "failed", "pending", "running"}),
               boost::test_tools::per_element());
    BOOST_TEST(complete({"agent-tasks", "--store", "x", "schema", "Task"}) == (words{"Task", "TaskMetadata", "TaskSpec"}),
               boost::test_tools::per_element());
    BOOST_TEST(complete({"agent-tasks", "prune", "--older-than", ""}).empty());
    std::string t1 = (c.root / "t1").string();
    BOOST_TEST(complete({"agent-tasks", "report", "-o", t1}) == words{t1}, boost::test_tools::per_element());
    BOOST_TEST(complete({"agent-tasks", "--store", (c.tmp.path() / "ta").string()}) == words{c.root.string()},
               boost::test_tools::per_element());
    std::string file = (c.root / "t1" / "task-t1-4f2f2f93.json").string();
    BOOST_TEST(complete({"agent-tasks", "validate", file.substr(0, file.size() - 8)}) == words{file},
               boost::test_tools::per_element());
    // Every option each help lists, and nothing else, after "--".
    std::regex option("\n  (--[a-z-]+)");
    auto listed = [&](const std::string& help) {
        words names;
        for (std::sregex_iterator it(help.begin(), help.end(), option), end; it != end; ++it)
            names.push_back((*it)[1]);
        return names;
    };
    words global = listed(c.run({"--help"}).out);
    BOOST_TEST(global.size() == 6u);
    std::sort(global.begin(), global.end());
    BOOST_TEST(complete({"agent-tasks", "--"}) == global, boost::test_tools::per_element());
    for (auto command : {"list", "show", "prune", "copy"}) {
        words expected = listed(c.run({command, "--help"}).out);
        expected.insert(expected.end(), global.begin(), global.end());
        std::sort(expected.begin(), expected.end());
        BOOST_TEST(complete({"agent-tasks", command, "--"}) == expected, boost::test_tools::per_element());
    }
}
