// Crash safety: a writer SIGKILLed at any instant never leaves a torn or lost
// checkpoint, listings never show its temporary file, and the next save of the
// task takes that file over. The writer reports each save it begins and ends in
// memory it shares with the test, which decides from those reports when to kill
// and what the checkpoint must then hold, never from how fast the machine is.

#include <boost/test/unit_test.hpp>

#include "versions.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <random>
#include <system_error>
#include <thread>

using namespace reliability;
namespace fs = std::filesystem;

namespace {

const std::string task_id = "task-crash-0001";
const std::string temp_file = "." + task_id + ".tmp";
const std::map<std::string, std::size_t> sizes = {{"small", 300}, {"large", 3 << 20}};
// Versions by index, in the order the writer saves them.
constexpr int none = -1, small = 0, large = 1;
const std::string markers[] = {"small", "large"};

int version_of(const Task& task)
{
    std::string marker = marker_of(task, sizes);
    return marker == markers[small] ? small : marker == markers[large] ? large : none;
}

// What the writer has done, in memory it shares with the test.
struct report {
    std::atomic<int> started[2]{};   // saves of each version begun
    std::atomic<int> completed[2]{}; // saves of each version returned
    std::atomic<int> in_progress{none};
    std::atomic<int> last_completed{none}; // none before this writer's first save returns
    std::atomic<int> hold_after{none};     // set by the test: save nothing more once this version is saved
    std::atomic<long> save_us[2]{};        // the writers' last measured save of each version

    // Before each fork: a new writer has done nothing (the durations stay).
    void new_writer(int hold)
    {
        for (int v : {small, large})
            started[v] = completed[v] = 0;
        in_progress = last_completed = none;
        hold_after = hold;
    }
};
static_assert(std::atomic<int>::is_always_lock_free && std::atomic<long>::is_always_lock_free);

// The writer: saves small, large, small... durably, reporting each save, until
// killed; asked to hold, it saves nothing after that version.
bool save_forever(const fs::path& root, report& r)
{
    TaskManager tm(root);
    if (!tm.load_checkpoint(task_id))
        return false;
    for (;;)
        for (int v : {small, large}) {
            set_version(tm, task_id, markers[v], sizes.at(markers[v]));
            r.in_progress = v;
            ++r.started[v];
            auto start = std::chrono::steady_clock::now();
            if (!tm.save_checkpoint(task_id))
                return false;
            r.save_us[v] =
                std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
            // last_completed before in_progress: at every instant one of them names what is on disk.
            r.last_completed = v;
            r.in_progress = none;
            ++r.completed[v];
            while (r.hold_after == v)
                ::pause();
        }
}

// The task's temporary file, created if missing and flocked by the test: a
// writer that has begun a save cannot get past taking that lock.
class temp_lock {
    int fd_;

public:
    explicit temp_lock(const fs::path& path) : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0666))
    {
        if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0) {
            std::system_error error(errno, std::generic_category(), "lock " + path.string());
            ::close(fd_);
            throw error;
        }
    }
    temp_lock(const temp_lock&) = delete;
    temp_lock& operator=(const temp_lock&) = delete;
    ~temp_lock() { ::close(fd_); }
};

// Where a kill lands. Those of the first three kinds are reached whatever the
// machine's speed; a random one lands after the writer reports having begun a
// save of a version, within 1.5 times its own last save of that version.
enum class kill_at { after_small, after_large, inside_locked_save, at_random };

kill_at plan(int kill, int kills)
{
    if (kill == kills - 1) // so that the final save has a leftover to take over
        return kill_at::inside_locked_save;
    switch (kill % 8) {
    case 0: return kill_at::after_small;
    case 1: return kill_at::after_large;
    case 2: return kill_at::inside_locked_save;
    default: return kill_at::at_random;
    }
}

// Waits until the writer reports `reached()`; false if it ended first.
template <class Reached> bool wait_for(pid_t child, Reached reached)
{
    while (!reached()) {
        if (::waitpid(child, nullptr, WNOHANG) != 0)
            return false;
        std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    return true;
}

} // namespace

BOOST_AUTO_TEST_CASE(sigkill_at_random_instants_leaves_one_whole_version)
{
    fixtures::temp_dir tmp("crash_kill");
    TaskManager tm(tmp.path());
    BOOST_REQUIRE(tm.create_task(spec_of("crash"), "p", task_id).has_value());
    set_version(tm, task_id, markers[large], sizes.at(markers[large]));
    BOOST_REQUIRE(tm.save_checkpoint(task_id).has_value());
    int on_disk = large;

    const fs::path dir = tmp.path() / "crash";
    shared_memory<report> r;
    std::mt19937 rng(std::random_device{}());
    int killed_after[2] = {}, killed_inside = 0, left_temp = 0, loaded_in_progress = 0;
    constexpr int kills = 200;
    for (int i = 0; i < kills; ++i) {
        kill_at at = plan(i, kills);
        r->new_writer(at == kill_at::after_small ? small : at == kill_at::after_large ? large : none);
        std::optional<temp_lock> lock;
        if (at == kill_at::inside_locked_save)
            lock.emplace(dir / temp_file);
        int random_version = std::uniform_int_distribution<int>(small, large)(rng);
        pid_t child = fork_child([&] { return save_forever(tmp.path(), *r); });
        BOOST_REQUIRE(child > 0);
        bool reached = wait_for(child, [&] {
            switch (at) {
            case kill_at::after_small: return r->completed[small] > 0;
            case kill_at::after_large: return r->completed[large] > 0;
            case kill_at::inside_locked_save: return r->started[small] > 0;
            case kill_at::at_random: return r->started[random_version] > 0;
            }
            return false;
        });
        BOOST_REQUIRE_MESSAGE(reached, "kill " << i << ": the writer stopped on its own: a save failed");
        if (at == kill_at::at_random)
            std::this_thread::sleep_for(std::chrono::microseconds(
                std::uniform_int_distribution<long>(0, r->save_us[random_version] * 3 / 2)(rng)));
        ::kill(child, SIGKILL);
        int status = wait_child(child);
        BOOST_REQUIRE_MESSAGE(WIFSIGNALED(status), "kill " << i << ": the writer stopped on its own: a save failed");
        lock.reset();

        // On disk: the last version a save of this writer returned (else what
        // was there before it), or the one it was saving if that got renamed in.
        const int in_progress = r->in_progress, last = r->last_completed;
        const int expected = last != none ? last : on_disk;
        auto loaded = tm.load_checkpoint(task_id);
        BOOST_REQUIRE_MESSAGE(loaded.has_value(), "kill " << i << ": " << error_text(loaded));
        const int version = version_of(*loaded.value());
        BOOST_REQUIRE_MESSAGE(version != none, "kill " << i << ": not one of the saved versions");
        BOOST_REQUIRE_MESSAGE(version == expected || version == in_progress,
                              "kill " << i << ": loaded " << markers[version] << ", but the writer had saved "
                                      << markers[expected] << " and was saving "
                                      << (in_progress == none ? "nothing" : markers[in_progress]));
        if (at == kill_at::inside_locked_save)
            BOOST_REQUIRE_MESSAGE(version == on_disk, "kill " << i << ": a save held at the lock replaced the file");
        loaded_in_progress += version != expected;
        on_disk = version;

        auto listed = tm.list_tasks("crash");
        BOOST_REQUIRE(listed.has_value());
        BOOST_REQUIRE(listed.value() == std::vector<std::string>{task_id});
        // One temporary file per task at most: a killed writer's file is reused,
        // and a save that returned renamed it, so between saves there is none.
        auto names = entries(dir);
        names.erase(task_id + ".json");
        bool temp = names.erase(temp_file) > 0;
        BOOST_REQUIRE_MESSAGE(names.empty(), "kill " << i << ": unexpected file " << *names.begin());
        BOOST_REQUIRE_MESSAGE(!(temp && last != none && in_progress == none),
                              "kill " << i << ": a temporary file outlived the save that returned");
        if (at == kill_at::inside_locked_save)
            BOOST_REQUIRE_MESSAGE(temp, "kill " << i << ": the held save's temporary file is gone");
        left_temp += temp;
        if (in_progress != none)
            ++killed_inside;
        else if (last != none)
            ++killed_after[last];
    }
    BOOST_TEST_MESSAGE("kills after a save of small " << killed_after[small] << ", of large " << killed_after[large]
                                                      << ", inside a save " << killed_inside << " (loaded the version being saved "
                                                      << loaded_in_progress << "), leaving the temporary file "
                                                      << left_temp);
    // The windows this test is about, per the writers' reports.
    BOOST_TEST(killed_after[small] > 0);
    BOOST_TEST(killed_after[large] > 0);
    BOOST_TEST(killed_inside > 0);

    // A later save takes over the temporary file the last kill left.
    BOOST_REQUIRE(entries(dir).count(temp_file) == 1u);
    BOOST_REQUIRE(tm.save_checkpoint(task_id).has_value());
    BOOST_TEST(entries(dir) == std::set<std::string>{task_id + ".json"});
    BOOST_TEST(version_of(*tm.load_checkpoint(task_id).value()) == on_disk);
}

BOOST_AUTO_TEST_CASE(a_killed_writers_temporary_file_is_ignored_then_taken_over_by_the_next_save)
{
    fixtures::temp_dir tmp("crash_leftover");
    TaskManager tm(tmp.path());
    BOOST_REQUIRE(tm.create_task(spec_of("crash"), "p", task_id).has_value());
    set_version(tm, task_id, "small", sizes.at("small"));
    BOOST_REQUIRE(tm.save_checkpoint(task_id).has_value());
    // What a writer killed mid-write leaves: half a document under the temporary name.
    std::string whole = fixtures::read(tmp.path() / "crash" / (task_id + ".json"));
    fixtures::write(tmp.path() / "crash" / temp_file, whole.substr(0, whole.size() / 2));

    BOOST_TEST(tm.list_tasks("crash").value() == std::vector<std::string>{task_id});
    auto loaded = tm.load_checkpoint(task_id);
    BOOST_REQUIRE(loaded.has_value());
    BOOST_TEST(marker_of(*loaded.value(), sizes) == "small");
    BOOST_TEST(tm.get_task_metadata(task_id).has_value());

    set_version(tm, task_id, "large", sizes.at("large"));
    BOOST_REQUIRE(tm.save_checkpoint(task_id).has_value());
    BOOST_TEST(entries(tmp.path() / "crash") == std::set<std::string>{task_id + ".json"});
    BOOST_TEST(marker_of(*tm.load_checkpoint(task_id).value(), sizes) == "large");
}
