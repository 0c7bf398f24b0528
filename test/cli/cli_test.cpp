#define BOOST_TEST_MODULE cli_agent_tasks
#include <boost/test/unit_test.hpp>

#include "../schemas/fixtures.hpp"

#include <agent_engine/core/conversion.hpp>

#include <sys/stat.h>
#include <sys/wait.h>

namespace fs = std::filesystem;

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
};

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
        out.push_back(text.substr(start, nl - start));
    return out;
}

boost::json::value json_of(const std::string& text) { return agent_engine::parse_json(text).value(); }

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
    BOOST_TEST(r.out.find(bad.string() + ": invalid\n3 validation errors for Task\nspec\n  Field required [type=missing") !=
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
    BOOST_TEST(text.out == dir.string() + ": invalid\nCannot read " + dir.string() +
                               ": it is a directory, not a checkpoint file\n");
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
