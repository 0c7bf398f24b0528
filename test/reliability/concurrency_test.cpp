// Concurrency: threads and processes saving and loading the same and different
// tasks at once. Every load is one whole saved version (no torn read), every
// task saved is listed at the end (no lost directory update), nothing throws.
// Each thread or process has its own TaskManager, as task_manager.hpp requires.

#include <boost/test/unit_test.hpp>

#include "versions.hpp"

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

using namespace reliability;
namespace fs = std::filesystem;

namespace {

const std::string shared_id = "task-conc-shared";
constexpr int writers = 3;
constexpr int reader_threads = 2;
constexpr int rounds = 30;
constexpr int own_tasks = 20;
// Checkpoints are replaced atomically with or without fsync; skipping it keeps the test fast.
const task_manager_options fast = [] {
    task_manager_options o;
    o.durable = false;
    return o;
}();

std::string marker(int writer, bool large) { return "w" + std::to_string(writer) + (large ? "L" : "s"); }

std::map<std::string, std::size_t> all_sizes()
{
    std::map<std::string, std::size_t> sizes = {{"initial", 10}};
    for (int w = 0; w < writers; ++w) {
        sizes[marker(w, false)] = 200;
        sizes[marker(w, true)] = 256 << 10;
    }
    return sizes;
}

std::string own_id(int writer, int n) { return "task-conc-w" + std::to_string(writer) + "n" + std::to_string(n); }

// The first failure any thread saw (Boost.Test's assertions are for the main thread only).
class failures {
    std::mutex m_;
    std::string first_;
    std::atomic<int> count_{0};

public:
    void add(const std::string& what)
    {
        std::lock_guard lock(m_);
        if (count_++ == 0)
            first_ = what;
    }
    int count() const { return count_; }
    std::string first()
    {
        std::lock_guard lock(m_);
        return first_;
    }
};

// Writer `w`: saves the shared task's versions in turn, interleaved with its
// own tasks. Before its last save it waits until the readers report a load made
// wholly between its first save and that one, whatever the scheduling: of
// reader_threads + 1 loads ended since, some reader ended two, the second begun
// after the first ended.
std::string write_round(const fs::path& root, int w, const std::atomic<int>& loads)
{
    TaskManager tm(root, fast);
    if (auto loaded = tm.load_checkpoint(shared_id); !loaded)
        return "writer load: " + loaded.error().message;
    int loads_after_first_save = 0;
    for (int i = 0; i < rounds; ++i) {
        while (i == rounds - 1 && loads < loads_after_first_save + reader_threads + 1)
            std::this_thread::sleep_for(std::chrono::microseconds(100));
        set_version(tm, shared_id, marker(w, i % 2 == 1), all_sizes().at(marker(w, i % 2 == 1)));
        if (auto saved = tm.save_checkpoint(shared_id); !saved)
            return "writer save: " + saved.error().message;
        if (i == 0)
            loads_after_first_save = loads;
        if (i < own_tasks) {
            std::string id = own_id(w, i);
            if (auto created = tm.create_task(spec_of("conc"), "p", id); !created)
                return "create: " + created.error().message;
            if (auto saved = tm.save_checkpoint(id); !saved)
                return "save: " + saved.error().message;
        }
    }
    return {};
}

// Loads the shared task until `stop`: each load must be one whole version.
void read_until(const fs::path& root, const std::atomic<bool>& stop, failures& failed, std::atomic<int>& loads)
{
    TaskManager tm(root, fast);
    auto sizes = all_sizes();
    do {
        auto loaded = tm.load_checkpoint(shared_id);
        if (!loaded)
            failed.add("load: " + loaded.error().message);
        else if (marker_of(*loaded.value(), sizes).empty())
            failed.add("load: a torn or unknown version");
        if (auto meta = tm.get_task_metadata(shared_id); !meta)
            failed.add("metadata: " + meta.error().message);
        auto listed = tm.list_tasks("conc");
        if (!listed || std::find(listed.value().begin(), listed.value().end(), shared_id) == listed.value().end())
            failed.add("list: the shared task is missing");
        ++loads;
    } while (!stop);
}

// Threads loading the shared task (read_until) from construction until
// finish(), which checks that no load, and no writer that reported to failed(),
// failed. They count their loads in `loads`, which writers wait on.
class readers {
    failures failed_;
    std::atomic<bool> stop_{false};
    std::atomic<int>& loads_;
    std::vector<std::thread> threads_;

    void join()
    {
        stop_ = true;
        for (auto& t : threads_)
            if (t.joinable())
                t.join();
    }

public:
    readers(const fs::path& root, std::atomic<int>& loads) : loads_(loads)
    {
        for (int r = 0; r < reader_threads; ++r)
            threads_.emplace_back([this, root] { read_until(root, stop_, failed_, loads_); });
    }
    ~readers() { join(); }
    failures& failed() { return failed_; }
    void finish()
    {
        join();
        BOOST_TEST_MESSAGE("concurrent loads: " << loads_);
        BOOST_TEST(failed_.count() == 0, failed_.first());
    }
};

void save_initial(const fs::path& root)
{
    TaskManager tm(root, fast);
    BOOST_REQUIRE(tm.create_task(spec_of("conc"), "p", shared_id).has_value());
    set_version(tm, shared_id, "initial", 10);
    BOOST_REQUIRE(tm.save_checkpoint(shared_id).has_value());
}

// Every task written is there, whole, and no temporary file is left.
void check_final_state(const fs::path& root)
{
    TaskManager tm(root, fast);
    std::vector<std::string> expected = {shared_id};
    for (int w = 0; w < writers; ++w)
        for (int n = 0; n < own_tasks; ++n)
            expected.push_back(own_id(w, n));
    std::sort(expected.begin(), expected.end());
    auto listed = tm.list_tasks("conc");
    BOOST_REQUIRE(listed.has_value());
    BOOST_TEST(listed.value() == expected, boost::test_tools::per_element());
    std::set<std::string> files;
    for (auto const& id : expected) {
        BOOST_TEST(tm.load_checkpoint(id).has_value());
        files.insert(id + ".json");
    }
    BOOST_TEST(entries(root / "conc") == files, boost::test_tools::per_element());
    // The last save of each writer ends on its large version; one of them won, whole.
    std::string last = marker_of(*tm.load_checkpoint(shared_id).value(), all_sizes());
    BOOST_TEST((last.size() == 3 && last.back() == 'L'));
}

} // namespace

BOOST_AUTO_TEST_CASE(threads_saving_and_loading_the_same_and_different_tasks)
{
    fixtures::temp_dir tmp("conc_threads");
    save_initial(tmp.path());
    std::atomic<int> loads{0};
    readers loading(tmp.path(), loads);
    std::vector<std::thread> writer_threads;
    for (int w = 0; w < writers; ++w)
        writer_threads.emplace_back([&, w] {
            if (std::string error = write_round(tmp.path(), w, loads); !error.empty())
                loading.failed().add(error);
        });
    for (auto& t : writer_threads)
        t.join();
    loading.finish();
    check_final_state(tmp.path());
}

BOOST_AUTO_TEST_CASE(processes_saving_the_same_and_different_tasks_while_threads_load)
{
    fixtures::temp_dir tmp("conc_processes");
    save_initial(tmp.path());
    shared_memory<std::atomic<int>> loads;
    // Forked before any thread starts: a child inherits no lock held elsewhere.
    std::vector<pid_t> children;
    for (int w = 0; w < writers; ++w)
        children.push_back(fork_child([&, w] { return write_round(tmp.path(), w, *loads).empty(); }));
    readers loading(tmp.path(), *loads);
    for (pid_t child : children) {
        int status = wait_child(child);
        BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 0), "a writer process failed");
    }
    loading.finish();
    check_final_state(tmp.path());
}
