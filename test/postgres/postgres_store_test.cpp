// What only the PostgreSQL store promises: its tables and migrations, io errors
// for bad connections and a server that goes away, and many worker processes
// sharing one database (last-writer-wins saves, compare-and-swap saves).
#include <boost/test/unit_test.hpp>

#include "test_server.hpp"

#include <agent_engine/runtime/task_manager.hpp>

#include <libpq-fe.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>

using namespace agent_engine;

namespace {

// Direct SQL against the test server, to look at what the store wrote.
class psql {
    PGconn* conn_;

public:
    psql() : conn_(PQconnectdb(test_server::uri().c_str())) { BOOST_REQUIRE(PQstatus(conn_) == CONNECTION_OK); }
    ~psql() { PQfinish(conn_); }
    psql(const psql&) = delete;
    psql& operator=(const psql&) = delete;

    // Every value of the result, rows joined by '\n' and columns by '|'.
    std::string query(const std::string& sql, std::vector<std::string> params = {})
    {
        std::vector<const char*> values;
        for (auto const& p : params)
            values.push_back(p.c_str());
        PGresult* r = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                                   nullptr, 0);
        auto status = PQresultStatus(r);
        BOOST_REQUIRE_MESSAGE(status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK, PQresultErrorMessage(r));
        std::string out;
        for (int row = 0; row < PQntuples(r); ++row) {
            if (row)
                out += '\n';
            for (int col = 0; col < PQnfields(r); ++col)
                out += (col ? "|" : "") + std::string(PQgetvalue(r, row, col));
        }
        PQclear(r);
        return out;
    }
};

// Runs `work(k)` for k in [0, n) in n child processes at once; true when every one returned true.
bool in_processes(int n, const std::function<bool(int)>& work)
{
    std::vector<pid_t> children;
    for (int k = 0; k < n; ++k) {
        pid_t pid = ::fork();
        if (pid == 0) {
            bool ok = false;
            try {
                ok = work(k);
            } catch (...) {
            }
            ::_exit(ok ? 0 : 1);
        }
        BOOST_REQUIRE(pid > 0);
        children.push_back(pid);
    }
    bool all_ok = true;
    for (pid_t pid : children) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        all_ok = all_ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    return all_ok;
}

std::string checkpoint_id(const std::string& name) { return "task-w-" + name; }

// A TaskManager on its own connection to `schema`.
TaskManager manager(const std::string& schema) { return TaskManager(test_server::open(schema)); }

} // namespace

BOOST_AUTO_TEST_SUITE(postgres_store)

BOOST_AUTO_TEST_CASE(bad_connection_strings_are_io_errors_that_say_why)
{
    for (std::string bad : {"postgresql://%zz", "postgresql:///postgres?nonsense=1",
                            "postgresql:///postgres?host=/nonexistent-agent-engine-dir&user=postgres",
                            "host=/tmp dbname=postgres user=nobody-here port=1"}) {
        auto store = postgres_task_store::open(bad);
        BOOST_REQUIRE(!store);
        BOOST_TEST(store.error().code == EngineErrorCode::io, bad);
        BOOST_TEST(store.error().message.starts_with("Cannot connect to PostgreSQL: "), store.error().message);
        BOOST_TEST(!fixtures::detail(store.error(), "reason").empty());
    }
}

BOOST_AUTO_TEST_CASE(migrations_create_the_tables_once_even_from_many_processes)
{
    std::string schema = test_server::fresh_schema("migrate");
    BOOST_TEST(in_processes(4, [&](int) { return bool(postgres_task_store::open(test_server::uri(), {.schema = schema})); }));
    BOOST_REQUIRE(test_server::open(schema)); // and again, already migrated
    psql db;
    std::string applied;
    for (int v = 1; v <= postgres_task_store::schema_version(); ++v)
        applied += (v > 1 ? "\n" : "") + std::to_string(v);
    BOOST_TEST(db.query("SELECT version FROM " + schema + ".schema_migrations ORDER BY version") == applied);
    BOOST_TEST(db.query("SELECT count(*) FROM pg_indexes WHERE schemaname = $1 AND tablename = 'task_documents'",
                        {schema}) == "4");
}

BOOST_AUTO_TEST_CASE(tables_written_by_a_newer_version_are_refused)
{
    std::string schema = test_server::fresh_schema("newer");
    test_server::open(schema);
    psql db;
    db.query("INSERT INTO " + schema + ".schema_migrations (version) VALUES (999)");
    auto store = postgres_task_store::open(test_server::uri(), {.schema = schema});
    BOOST_REQUIRE(!store);
    BOOST_TEST(store.error().code == EngineErrorCode::io);
    BOOST_TEST(store.error().message.find("newer agent_engine") != std::string::npos, store.error().message);
}

// Tables written by version 1 (text metadata columns) keep their rows through
// migration 2 (bytea, which holds a NUL): listed and loaded as before.
BOOST_AUTO_TEST_CASE(a_version_1_database_is_upgraded_with_its_rows)
{
    std::string schema = test_server::fresh_schema("v1");
    std::string id = "task-old-1";
    Task t;
    t.task_id = id;
    t.spec = {.task_spec_id = "old", .request = "r"};
    t.pipeline_id = "pipe";
    t.status = TaskStatus::completed;
    t.updated_at = "2025-12-06T02:45:18.337698Z";
    std::string body = to_json(t);
    psql db;
    // Version 1's tables as it shipped, with one row as it wrote them.
    db.query("CREATE SCHEMA " + schema);
    db.query("CREATE TABLE " + schema + ".schema_migrations (version integer PRIMARY KEY,"
             " applied_at timestamptz NOT NULL DEFAULT now())");
    db.query("INSERT INTO " + schema + ".schema_migrations (version) VALUES (1)");
    db.query("CREATE TABLE " + schema + ".task_documents (project text COLLATE \"C\" NOT NULL,"
             " task_id text COLLATE \"C\" NOT NULL, version bigint NOT NULL, body bytea NOT NULL, status text,"
             " pipeline_id text, document_task_id text, created_at text, updated_at text, task_time bigint NOT NULL,"
             " saved_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (project, task_id))");
    db.query("INSERT INTO " + schema + ".task_documents (project, task_id, version, body, status, pipeline_id,"
             " document_task_id, created_at, updated_at, task_time) VALUES ('old', $1, 3, convert_to($2, 'UTF8'),"
             " 'completed', 'pipe', $1, NULL, $3, $4)",
             {id, body, *t.updated_at, std::to_string(task_time(read_task_metadata(body).value()))});

    TaskManager tm(test_server::open(schema));
    auto page = tm.list_task_metadata("old").value();
    BOOST_REQUIRE_EQUAL(page.tasks.size(), 1u);
    BOOST_TEST(to_json(page.tasks[0]) == to_json(tm.get_task_metadata(id).value()));
    BOOST_TEST(to_json(*tm.load_checkpoint(id).value()) == body);
    BOOST_TEST(tm.store().get_versioned("old", id).value().version == 3);
}

BOOST_AUTO_TEST_CASE(metadata_lives_in_columns_and_history_never_reads_bodies)
{
    std::string schema = test_server::fresh_schema("columns");
    TaskManager tm(test_server::open(schema));
    auto task = tm.create_task({.task_spec_id = "cols", .request = "r"}, "pipe-1", "task-cols-1").value();
    BOOST_REQUIRE(tm.set_status(task.task_id, TaskStatus::failed));
    BOOST_REQUIRE(tm.save_checkpoint(task.task_id));
    psql db;
    const Task& saved = *tm.get_task(task.task_id);
    BOOST_TEST(db.query("SELECT project, task_id, status, convert_from(pipeline_id, 'UTF8'),"
                        " convert_from(created_at, 'UTF8'), convert_from(updated_at, 'UTF8'), version FROM " +
                        schema + ".task_documents") == "cols|task-cols-1|failed|pipe-1|" + *saved.created_at + "|" +
                                                  *saved.updated_at + "|1");
    // Garble the body behind the store's back: listing and pruning still see the
    // columns (a store reading bodies would skip the task), loading sees the body.
    db.query("UPDATE " + schema + ".task_documents SET body = 'garbled'::bytea");
    auto page = tm.list_task_metadata("cols").value();
    BOOST_TEST(page.skipped.empty());
    BOOST_REQUIRE_EQUAL(page.tasks.size(), 1u);
    BOOST_TEST(page.tasks[0].status == TaskStatus::failed);
    BOOST_TEST(tm.load_checkpoint(task.task_id).error().code == EngineErrorCode::json);
    auto pruned = tm.prune("cols", {.statuses = {TaskStatus::failed}}).value();
    BOOST_TEST(pruned.removed.size() == 1u);
    BOOST_TEST(db.query("SELECT count(*) FROM " + schema + ".task_documents") == "0");
}

BOOST_AUTO_TEST_CASE(compare_and_swap_saves_refuse_a_stale_worker_and_write_nothing)
{
    std::string schema = test_server::fresh_schema("cas");
    TaskManager a = manager(schema), b = manager(schema);
    std::string id = checkpoint_id("cas");
    a.create_task({.task_spec_id = "w", .request = "r"}, "pipe", id).value();
    BOOST_REQUIRE(a.save_checkpoint_if_unchanged(id)); // none stored yet: saved
    BOOST_REQUIRE(b.load_checkpoint(id));
    BOOST_REQUIRE(a.set_status(id, TaskStatus::running));
    BOOST_REQUIRE(a.save_checkpoint_if_unchanged(id)); // a's own version: saved
    std::string a_bytes = a.store().get("w", id).value();

    BOOST_REQUIRE(b.set_status(id, TaskStatus::failed));
    auto stale = b.save_checkpoint_if_unchanged(id);
    BOOST_REQUIRE(!stale);
    BOOST_TEST(stale.error().code == EngineErrorCode::validation);
    BOOST_TEST(stale.error().error_id == "version_conflict");
    BOOST_TEST(stale.error().message.find("expected version 1, stored 2") != std::string::npos, stale.error().message);
    BOOST_TEST(b.store().get("w", id).value() == a_bytes);

    // A task created anew where one is stored conflicts too; a reload resolves it.
    TaskManager c = manager(schema);
    c.create_task({.task_spec_id = "w", .request = "r"}, "pipe", id).value();
    BOOST_TEST(c.save_checkpoint_if_unchanged(id).error().error_id == "version_conflict");
    BOOST_REQUIRE(b.load_checkpoint(id));
    BOOST_REQUIRE(b.set_status(id, TaskStatus::completed));
    BOOST_REQUIRE(b.save_checkpoint_if_unchanged(id));
    // A plain save is last-writer-wins and moves the version on.
    BOOST_REQUIRE(a.save_checkpoint(id));
    BOOST_REQUIRE(a.save_checkpoint_if_unchanged(id));
    BOOST_TEST(a.store().get_versioned("w", id).value().version == 5);
}

// A task the caller holds, handed over with put_task, keeps the version its id
// was loaded or saved at: compare-and-swap still sees another writer's save.
BOOST_AUTO_TEST_CASE(a_task_put_back_keeps_the_version_its_id_was_loaded_at)
{
    std::string schema = test_server::fresh_schema("put");
    TaskManager a = manager(schema), b = manager(schema), c = manager(schema);
    std::string id = checkpoint_id("put");
    Task original = a.create_task({.task_spec_id = "w", .request = "r"}, "pipe", id).value();
    BOOST_REQUIRE(a.save_checkpoint_if_unchanged(id));
    Task mine = *b.load_checkpoint(id).value();
    mine.status = TaskStatus::running;
    BOOST_REQUIRE(b.put_task(mine));
    BOOST_REQUIRE(b.save_checkpoint_if_unchanged(id)); // b's version: saved
    original.status = TaskStatus::failed;
    BOOST_REQUIRE(a.put_task(original));
    BOOST_TEST(a.save_checkpoint_if_unchanged(id).error().error_id == "version_conflict");
    BOOST_REQUIRE(c.put_task(original)); // c knows no version of the id: none may be stored
    BOOST_TEST(c.save_checkpoint_if_unchanged(id).error().error_id == "version_conflict");
    BOOST_TEST(from_json<Task>(a.store().get("w", id).value()).value().status == TaskStatus::running);
}

// libpq takes an int length: a body over PostgreSQL's 1 GiB bytea limit is
// refused before the cast could wrap, and nothing is written.
BOOST_AUTO_TEST_CASE(a_body_over_the_bytea_limit_is_an_io_error_and_writes_nothing)
{
    auto store = test_server::open(test_server::fresh_schema("big"));
    std::size_t size = (std::size_t{1} << 30) + 1;
    // Reserved, never touched: the store must refuse it without reading it.
    void* zeros = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    BOOST_REQUIRE(zeros != MAP_FAILED);
    struct unmap {
        void* p;
        std::size_t n;
        ~unmap() { ::munmap(p, n); }
    } unmapper{zeros, size};
    auto put = store->put("w", "big", std::string_view(static_cast<const char*>(zeros), size));
    BOOST_REQUIRE(!put);
    BOOST_TEST(put.error().code == EngineErrorCode::io);
    BOOST_TEST(put.error().error_id == "document_too_large");
    BOOST_TEST(put.error().message.find("limit of 1073741824 bytes") != std::string::npos, put.error().message);
    BOOST_TEST(store->list("w").value().empty());
}

BOOST_AUTO_TEST_CASE(a_store_without_versions_refuses_compare_and_swap)
{
    fixtures::temp_dir tmp("pg_cas_files");
    TaskManager tm(tmp.path());
    auto t = tm.create_task({.task_spec_id = "w", .request = "r"}, "pipe").value();
    auto refused = tm.save_checkpoint_if_unchanged(t.task_id);
    BOOST_TEST(refused.error().error_id == "versions_unsupported");
    BOOST_TEST(tm.list_tasks("w").value().empty());
}

BOOST_AUTO_TEST_CASE(concurrent_saves_from_many_processes_are_last_writer_wins_whole)
{
    constexpr int workers = 4, saves = 40;
    std::string schema = test_server::fresh_schema("lww");
    test_server::open(schema);
    std::string id = checkpoint_id("shared");
    BOOST_TEST(in_processes(workers, [&](int k) {
        TaskManager tm = manager(schema);
        tm.create_task({.task_spec_id = "w", .request = std::string(1000 * (k + 1), 'x')}, "", id).value();
        for (int i = 0; i < saves; ++i) {
            if (!tm.set_current_stage(id, "w" + std::to_string(k) + "-" + std::to_string(i)) || !tm.save_checkpoint(id))
                return false;
        }
        return true;
    }));
    TaskManager reader = manager(schema);
    const Task* last = reader.load_checkpoint(id).value(); // whole: it parses and validates
    std::string stage = last->current_stage_id.value();
    int k = stage[1] - '0';
    BOOST_TEST(stage == "w" + std::to_string(k) + "-" + std::to_string(saves - 1)); // some worker's last save
    BOOST_TEST(last->spec.request.size() == 1000u * static_cast<unsigned>(k + 1)); // with that worker's body
    BOOST_TEST(reader.store().get_versioned("w", id).value().version == workers * saves); // no save lost
}

BOOST_AUTO_TEST_CASE(compare_and_swap_from_many_processes_loses_no_update)
{
    constexpr int workers = 4, increments = 15;
    std::string schema = test_server::fresh_schema("counter");
    std::string id = checkpoint_id("counter");
    {
        TaskManager tm = manager(schema);
        tm.create_task({.task_spec_id = "w", .request = "r"}, "pipe", id).value();
        BOOST_REQUIRE(tm.save_checkpoint(id));
    }
    BOOST_TEST(in_processes(workers, [&](int k) {
        TaskManager tm = manager(schema);
        for (int done = 0; done < increments;) {
            if (!tm.load_checkpoint(id) || !tm.append_routing(id, "w" + std::to_string(k)))
                return false;
            auto saved = tm.save_checkpoint_if_unchanged(id);
            if (saved)
                ++done;
            else if (saved.error().error_id != "version_conflict")
                return false;
        }
        return true;
    }));
    Task task = *manager(schema).load_checkpoint(id).value(); // a copy: the manager is a temporary
    BOOST_TEST(task.routing_trace.size() == std::size_t{workers * increments});
    for (int k = 0; k < workers; ++k)
        BOOST_TEST(std::count_if(task.routing_trace.begin(), task.routing_trace.end(), [&](const RoutingDecision& r) {
                       return r.stage_id == "w" + std::to_string(k);
                   }) == increments);
}

BOOST_AUTO_TEST_CASE(a_server_that_goes_away_is_an_io_error_and_keeps_the_last_checkpoint)
{
    // A server of its own: this case stops it.
    fixtures::temp_dir state("pg_gone");
    auto script = [&](const char* command) {
        std::string line = std::string(PG_SERVER) + " " + command + " '" + state.path().string() + "'";
        BOOST_REQUIRE_EQUAL(std::system(line.c_str()), 0);
    };
    script("start");
    struct stop_at_exit {
        std::function<void()> f;
        ~stop_at_exit() { f(); }
    } stopper{[&] { script("stop"); }};

    auto store = postgres_task_store::open(test_server::uri_in(state.path().string())).value();
    TaskManager tm(std::shared_ptr<task_store>(store.get(), [](task_store*) {}));
    std::string id = checkpoint_id("gone");
    tm.create_task({.task_spec_id = "w", .request = "r"}, "pipe", id).value();
    BOOST_REQUIRE(tm.save_checkpoint(id));
    std::string saved = store->get("w", id).value();
    std::string where = store->location("w", id); // fixed at open: read without the store's mutex

    script("halt");
    BOOST_REQUIRE(tm.set_status(id, TaskStatus::failed));
    auto lost = tm.save_checkpoint(id);
    BOOST_REQUIRE(!lost);
    BOOST_TEST(lost.error().code == EngineErrorCode::io);
    BOOST_TEST(lost.error().message.starts_with("Lost the connection to PostgreSQL during save of "),
               lost.error().message);
    auto unreachable = tm.load_checkpoint(id); // the next call tries to reconnect
    BOOST_TEST(unreachable.error().code == EngineErrorCode::io);
    BOOST_TEST(unreachable.error().message.starts_with("Cannot connect to PostgreSQL: "), unreachable.error().message);
    BOOST_TEST(tm.list_task_metadata("w").error().code == EngineErrorCode::io);

    script("resume"); // the same store reconnects; the failed save changed nothing
    BOOST_TEST(store->get("w", id).value() == saved);
    BOOST_REQUIRE(tm.save_checkpoint(id));
    BOOST_TEST(tm.get_task_metadata(id).value().status == TaskStatus::failed);
    BOOST_TEST(store->location("w", id) == where); // reconnecting did not reassign it
}

BOOST_AUTO_TEST_SUITE_END()
