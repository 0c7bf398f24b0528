#define BOOST_TEST_MODULE cli_agent_tasks
#include <boost/test/unit_test.hpp>

#include "../schemas/fixtures.hpp"

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/runtime/project_id.hpp>
#include <agent_engine/schemas/task.hpp>

#include <sys/stat.h>
#include <sys/wait.h>

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
    BOOST_TEST(rows[0] == "TASK                     STATUS   PIPELINE  CREATED              UPDATED");
    BOOST_TEST(rows[1] == "task-test_spec-5de8bb8e  running  test_dag  2025-12-06 02:45:28  2025-12-06 02:45:28");
    BOOST_TEST(rows[4].starts_with("task-t1-4f2f2f93 "));
    BOOST_TEST(r.err.empty());
}

BOOST_AUTO_TEST_CASE(list_filters_and_json)
{
    cli c;
    auto r = c.at_root({"list", "t1", "--json", "--limit", "1", "--oldest-first"});
    BOOST_TEST(r.status == 0);
    auto tasks = json_of(r.out).as_array();
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
                              "  2025-12-06 02:45:28  2025-12-06 02:45:28");
    for (std::size_t i = 1; i < rows.size(); ++i) // every row's columns where the header's are
        BOOST_TEST(rows[i].size() == rows[0].find("UPDATED") + std::string("2025-12-06 02:45:28").size());

    auto show = c.at_root({"show", t.task_id});
    BOOST_TEST(show.status == 0);
    BOOST_TEST(terminal_safe(show.out));
    BOOST_TEST(lines(show.out).size() == 13u); // 8 fields, "stages (3):", a line per stage, one failure
    BOOST_TEST(show.out.find("\npipeline  " + forged_pipeline_shown + "\n") != std::string::npos);
    BOOST_TEST(show.out.find("\nstage     s2\\x1b[2J\n") != std::string::npos);
    BOOST_TEST(show.out.find("\nrequest   do\\u0080\\u0085\\u009b\\u009f\\u2028\\u2029\\u061c\\u200e\\u200f\\u202a"
                             "\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\n") != std::string::npos);
    BOOST_TEST(show.out.find("\n  s\\n\\u2066evil  2025-12-06T02:45:29Z         error: boom\\r\\x1b[1A\n") !=
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
        if (doc.is_object() && doc.as_object().contains("removed"))
            doc = doc.at("removed");
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
    BOOST_TEST(none.err == "no tasks in " + dir + "/none\\xff\\x1b[2J\n");
    auto usage = c.at_root({"list", "--status", "done\x1b]0;pwned\x07"});
    BOOST_TEST(usage.status == 2);
    BOOST_TEST(usage.err.starts_with("agent-tasks: unknown status 'done\\x1b]0;pwned\\x07' ("));
    auto option = c.at_root({"list", "--limit", "9\u202e"});
    BOOST_TEST(option.status == 2);
    BOOST_TEST(option.err.find("9\\u202e") != std::string::npos);
    for (auto const& r : {none, usage, option})
        BOOST_TEST(terminal_safe(r.err));
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
    BOOST_TEST(r.out == "TASK              STATUS   PIPELINE         CREATED              UPDATED\n"
                        "task-wide-日本語  running  re\u0301sume\u0301-pipeline  2025-12-06 02:45:28  2025-12-06 02:45:28\n"
                        "task-wide-1       running  p1               2025-12-06 02:45:28  2025-12-06 02:45:28\n");
}
