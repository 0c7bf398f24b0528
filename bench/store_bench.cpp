// The file store against the PostgreSQL store in the same run: saves per second
// through TaskManager, then list/metadata latency with N tasks in one project.
//
//   agent_engine_store_bench URI [--tasks N] [--durable]
//
// URI: a PostgreSQL connection string (e.g. from test/postgres/pg_server start).
// --durable: fsync every file save (compare with a server running fsync=on).
// Results are medians; doc/postgres.md shows how they were taken.

#include <agent_engine/postgres/postgres_task_store.hpp>
#include <agent_engine/runtime/task_manager.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace agent_engine;
using bench_clock = std::chrono::steady_clock;

namespace {

double seconds_since(bench_clock::time_point start)
{
    return std::chrono::duration<double>(bench_clock::now() - start).count();
}

// Median wall time of `runs` calls, in milliseconds.
double median_ms(int runs, const std::function<void()>& f)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        auto start = bench_clock::now();
        f();
        ms.push_back(seconds_since(start) * 1e3);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

template <class T> T need(Result<T> r)
{
    if (!r) {
        std::cerr << "store_bench: " << r.error().message << '\n';
        std::exit(1);
    }
    return std::move(r).value();
}

std::string bench_task_id(std::size_t i) { return "task-bench-" + std::to_string(1000000 + i); }

struct figures {
    double saves_per_second;
    double first_page_ms, failed_page_ms, metadata_ms, ids_ms;
};

// A worker's typical checkpoint: one stage done, a routing step, about 1.5 KB.
void save_tasks(TaskManager& tm, std::size_t n)
{
    static constexpr TaskStatus cycle[] = {TaskStatus::completed, TaskStatus::running, TaskStatus::failed,
                                           TaskStatus::pending};
    for (std::size_t i = 0; i < n; ++i) {
        auto id = bench_task_id(i);
        need(tm.create_task({.task_spec_id = "bench", .request = std::string("Summarise the report ").append(id)},
                            "pipeline-a", id));
        StageExecutionRecord record;
        record.output = boost::json::object{{"summary", std::string(800, 's')}, {"score", 0.5 + double(i % 7)}};
        need(tm.record_stage_result(id, "analyse", std::move(record)));
        need(tm.append_routing(id, "analyse", "continue", "agent-1"));
        need(tm.set_status(id, cycle[i % 4]));
        need(tm.save_checkpoint(id));
        if ((i + 1) % 10000 == 0)
            std::cerr << "  " << (i + 1) << " saved\n";
    }
}

figures measure(const std::string& name, std::shared_ptr<task_store> store, std::size_t n)
{
    std::cerr << name << ": saving " << n << " tasks\n";
    TaskManager tm(std::move(store));
    auto start = bench_clock::now();
    save_tasks(tm, n);
    figures f{};
    f.saves_per_second = double(n) / seconds_since(start);
    int runs = n > 20000 ? 5 : 21; // a scanning store reads every checkpoint per query
    f.first_page_ms = median_ms(runs, [&] { need(tm.list_task_metadata("bench", {.limit = 50})); });
    f.failed_page_ms =
        median_ms(runs, [&] { need(tm.list_task_metadata("bench", {.statuses = {TaskStatus::failed}, .limit = 50})); });
    std::size_t probe = 0;
    f.metadata_ms = median_ms(1001, [&] {
        need(tm.get_task_metadata(bench_task_id((probe++ * 7919) % n)));
    });
    f.ids_ms = median_ms(runs, [&] { need(tm.list_tasks("bench")); });
    return f;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: agent_engine_store_bench URI [--tasks N] [--durable]\n";
        return 2;
    }
    std::string uri = argv[1];
    std::size_t n = 100000;
    bool durable = false;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--tasks" && i + 1 < argc)
            n = std::stoul(argv[++i]);
        else if (a == "--durable")
            durable = true;
    }
    auto dir = std::filesystem::temp_directory_path() / ("agent_engine_store_bench_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::string schema = "bench_" + std::to_string(::getpid());

    auto files = measure("file store", std::make_shared<file_task_store>(dir, file_store_options{durable}), n);
    auto pg = measure("postgres store", need(postgres_task_store::open(uri, {.schema = schema})), n);
    std::filesystem::remove_all(dir);

    std::printf("| %zu tasks in one project%s | file store | PostgreSQL store |\n|---|---:|---:|\n", n,
                durable ? " (durable)" : "");
    std::printf("| saves per second (TaskManager::save_checkpoint) | %.0f | %.0f |\n", files.saves_per_second,
                pg.saves_per_second);
    std::printf("| first page, newest first, limit 50 | %.2f ms | %.2f ms |\n", files.first_page_ms, pg.first_page_ms);
    std::printf("| first page of failed tasks, limit 50 | %.2f ms | %.2f ms |\n", files.failed_page_ms,
                pg.failed_page_ms);
    std::printf("| get_task_metadata of one task | %.3f ms | %.3f ms |\n", files.metadata_ms, pg.metadata_ms);
    std::printf("| list_tasks (all ids) | %.2f ms | %.2f ms |\n", files.ids_ms, pg.ids_ms);
    return 0;
}
