// agent-tasks --store postgresql://... and copy between stores, run as a real process.
#define BOOST_TEST_MODULE postgres_cli
#include <boost/test/unit_test.hpp>

#include "test_server.hpp"

#include <boost/json.hpp>
#include <libpq-fe.h>
#include <sys/wait.h>

#include <set>

namespace fs = std::filesystem;

namespace {

struct run_result {
    int status;
    std::string out;
    std::string err;
};

// agent-tasks with `args` (none of which may contain a single quote).
run_result agent_tasks(const fixtures::temp_dir& tmp, const std::vector<std::string>& args)
{
    std::string line = AGENT_TASKS;
    for (auto const& a : args)
        line += " '" + a + "'";
    fs::path out = tmp.path() / "out", err = tmp.path() / "err";
    line += " >'" + out.string() + "' 2>'" + err.string() + "'";
    int raw = std::system(line.c_str());
    BOOST_REQUIRE(WIFEXITED(raw));
    return {WEXITSTATUS(raw), fixtures::read(out), fixtures::read(err)};
}

// A new empty database on the test server; its URI.
std::string fresh_database()
{
    std::string name = test_server::fresh_schema("cli");
    std::string uri = test_server::uri();
    PGconn* c = PQconnectdb(uri.c_str());
    PGresult* r = PQexec(c, ("CREATE DATABASE " + name).c_str()); // a generated name: digits and '_'
    BOOST_REQUIRE_MESSAGE(PQresultStatus(r) == PGRES_COMMAND_OK, PQresultErrorMessage(r));
    PQclear(r);
    PQfinish(c);
    return uri.replace(uri.find("/postgres?"), 10, "/" + name + "?");
}

} // namespace

BOOST_AUTO_TEST_CASE(copy_to_postgres_and_back_preserves_every_checkpoint)
{
    fixtures::temp_dir tmp("pg_cli");
    std::string db = fresh_database(), there_and_back = (tmp.path() / "back").string();
    std::size_t files = fixtures::all().size();

    auto to_db = agent_tasks(tmp, {"--store", fixtures::root().string(), "copy", "--to", db});
    BOOST_TEST(to_db.status == 0, to_db.err);
    BOOST_TEST(to_db.out.starts_with("copied " + std::to_string(files) + " checkpoints"), to_db.out);

    // The same answers from either store.
    for (std::vector<std::string> query : {std::vector<std::string>{"--json", "list"},
                                           {"--json", "list", "--status", "completed", "--oldest-first"}}) {
        auto at = [&](const std::string& store) {
            auto args = query;
            args.insert(args.begin(), {"--store", store});
            return agent_tasks(tmp, args);
        };
        auto from_files = at(fixtures::root().string()), from_db = at(db);
        BOOST_TEST(from_db.status == 0, from_db.err);
        BOOST_TEST(from_db.out == from_files.out);
    }

    auto back = agent_tasks(tmp, {"--store", db, "--json", "copy", "--to", there_and_back});
    BOOST_TEST(back.status == 0, back.err);
    std::set<fs::path> projects;
    for (auto const& file : fixtures::all())
        projects.insert(file.parent_path());
    auto report = boost::json::parse(back.out);
    BOOST_TEST(report.at("copied") == files);
    BOOST_TEST(report.at("projects").as_array().size() == projects.size());
    BOOST_TEST(report.at("refused").as_array().empty());
    for (auto const& file : fixtures::all()) {
        fs::path copy = fs::path(there_and_back) / fs::relative(file, fixtures::root());
        BOOST_TEST(fixtures::read(copy) == fixtures::read(file), copy.string());
    }
}

BOOST_AUTO_TEST_CASE(an_unreachable_server_is_a_failure_that_says_why)
{
    fixtures::temp_dir tmp("pg_cli_down");
    auto down = agent_tasks(tmp, {"--store", "postgresql:///postgres?host=/nonexistent-agent-engine-dir", "list"});
    BOOST_TEST(down.status == 1);
    BOOST_TEST(down.err.starts_with("agent-tasks: Cannot connect to PostgreSQL: "), down.err);
}
