// Crash safety: a writer SIGKILLed at random instants never leaves a torn or
// lost checkpoint, listings never show its temporary file, and the next save of
// the task takes that file over.

#include <boost/test/unit_test.hpp>

#include "versions.hpp"

#include <chrono>
#include <random>

using namespace reliability;
namespace fs = std::filesystem;

namespace {

const std::string task_id = "task-crash-0001";
const std::string temp_file = "." + task_id + ".tmp";
const std::map<std::string, std::size_t> sizes = {{"small", 300}, {"large", 3 << 20}};

// The child: saves the two versions in turn, durably, until killed.
bool save_forever(const fs::path& root)
{
    TaskManager tm(root);
    if (!tm.load_checkpoint(task_id))
        return false;
    for (;;)
        for (auto const& [marker, size] : sizes) {
            set_version(tm, task_id, marker, size);
            if (!tm.save_checkpoint(task_id))
                return false;
        }
}

} // namespace

BOOST_AUTO_TEST_CASE(sigkill_at_random_instants_leaves_one_whole_version)
{
    fixtures::temp_dir tmp("crash_kill");
    TaskManager tm(tmp.path());
    BOOST_REQUIRE(tm.create_task(spec_of("crash"), "p", task_id).has_value());
    // One large save sets the range of kill delays: most kills then land inside
    // a save, some between two, some before the child's first.
    set_version(tm, task_id, "large", sizes.at("large"));
    auto start = std::chrono::steady_clock::now();
    BOOST_REQUIRE(tm.save_checkpoint(task_id).has_value());
    auto large_save = std::chrono::steady_clock::now() - start;
    auto max_delay = std::chrono::duration_cast<std::chrono::microseconds>(large_save * 3) +
                     std::chrono::milliseconds(5);

    std::mt19937 rng(std::random_device{}());
    std::uniform_int_distribution<long> delay_us(0, max_delay.count());
    const fs::path dir = tmp.path() / "crash";
    std::map<std::string, int> seen;
    int kills_mid_write = 0;
    constexpr int kills = 200;
    for (int i = 0; i < kills; ++i) {
        pid_t child = fork_child([&] { return save_forever(tmp.path()); });
        BOOST_REQUIRE(child > 0);
        ::usleep(static_cast<useconds_t>(delay_us(rng)));
        ::kill(child, SIGKILL);
        int status = wait_child(child);
        BOOST_REQUIRE_MESSAGE(WIFSIGNALED(status), "the writer stopped on its own: a save failed");

        auto loaded = tm.load_checkpoint(task_id);
        BOOST_REQUIRE_MESSAGE(loaded.has_value(), "kill " << i << ": " << error_text(loaded));
        std::string marker = marker_of(*loaded.value(), sizes);
        BOOST_REQUIRE_MESSAGE(!marker.empty(), "kill " << i << ": not one of the saved versions");
        ++seen[marker];

        auto listed = tm.list_tasks("crash");
        BOOST_REQUIRE(listed.has_value());
        BOOST_REQUIRE(listed.value() == std::vector<std::string>{task_id});
        // One temporary file per task at most: a killed writer's file is reused.
        auto names = entries(dir);
        names.erase(task_id + ".json");
        if (names.erase(temp_file))
            ++kills_mid_write;
        BOOST_REQUIRE_MESSAGE(names.empty(), "kill " << i << ": unexpected file " << *names.begin());
    }
    BOOST_TEST_MESSAGE("versions seen: small " << seen["small"] << ", large " << seen["large"]
                                               << "; kills inside a save: " << kills_mid_write);
    // Otherwise the kills never hit the window this test is about.
    BOOST_TEST(seen["small"] > 0);
    BOOST_TEST(seen["large"] > 0);
    BOOST_TEST(kills_mid_write > 0);

    // A later save takes over whatever temporary file the last kill left.
    BOOST_REQUIRE(tm.save_checkpoint(task_id).has_value());
    BOOST_TEST(entries(dir) == std::set<std::string>{task_id + ".json"});
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
