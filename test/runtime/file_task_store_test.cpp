#include <boost/test/unit_test.hpp>

#include "../schemas/fixtures.hpp"

#include <agent_engine/runtime/detail/guarded.hpp>
#include <agent_engine/runtime/file_task_store.hpp>

#include <sys/resource.h>
#include <sys/stat.h>

#include <atomic>
#include <csignal>
#include <thread>

namespace fs = std::filesystem;
using namespace agent_engine;

namespace {

std::vector<std::string> entries(const fs::path& dir)
{
    std::vector<std::string> names;
    for (auto const& e : fs::directory_iterator(dir))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

using names = std::vector<std::string>;

} // namespace

BOOST_AUTO_TEST_SUITE(file_task_store_tests)

BOOST_AUTO_TEST_CASE(put_creates_directories_and_leaves_no_temporary_file)
{
    fixtures::temp_dir tmp("store_put");
    file_task_store store(tmp.path() / "a" / "b");
    auto where = store.put("proj", "task-proj-1", "{\"x\": 1}");
    BOOST_REQUIRE(where.has_value());
    BOOST_TEST(where.value() == (tmp.path() / "a" / "b" / "proj" / "task-proj-1.json").string());
    BOOST_TEST(fixtures::read(where.value()) == "{\"x\": 1}");
    BOOST_TEST(entries(tmp.path() / "a" / "b" / "proj") == names{"task-proj-1.json"}, boost::test_tools::per_element());

    BOOST_REQUIRE(store.put("proj", "task-proj-1", "second").has_value());
    BOOST_TEST(store.get("proj", "task-proj-1").value() == "second");
    BOOST_TEST(entries(tmp.path() / "a" / "b" / "proj") == names{"task-proj-1.json"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(non_durable_store_writes_the_same_bytes)
{
    fixtures::temp_dir tmp("store_fast");
    file_task_store store(tmp.path(), {.durable = false});
    BOOST_REQUIRE(store.put("p", "id", "bytes").has_value());
    BOOST_TEST(store.get("p", "id").value() == "bytes");
}

// A first put creates the root, its missing parents and the project, and (when
// durable) fsyncs the parent of each: a root spelled with a trailing separator
// or ".." is created and synced all the same, durable or not.
BOOST_AUTO_TEST_CASE(first_put_creates_the_root_and_its_parents_in_both_modes)
{
    fixtures::temp_dir tmp("store_first_put");
    for (bool durable : {true, false}) {
        fs::path base = tmp.path() / (durable ? "durable" : "fast");
        for (auto const& root : {base / "a" / "b" / "", base / "c" / ".." / "d" / "e"}) {
            file_task_store store(root, {.durable = durable});
            BOOST_REQUIRE(store.put("proj", "id", "x").has_value());
            BOOST_TEST(store.get("proj", "id").value() == "x");
            BOOST_REQUIRE(store.put("proj2", "id", "y").has_value()); // the root exists, a new project
            BOOST_TEST(store.list_projects().value() == (names{"proj", "proj2"}), boost::test_tools::per_element());
        }
    }
}

// What both stores wrap every operation in: an exception becomes an io error.
BOOST_AUTO_TEST_CASE(guarded_turns_exceptions_into_io_errors)
{
    auto thrown = detail::guarded("somewhere", []() -> Result<int> { throw std::invalid_argument("stoll"); });
    BOOST_REQUIRE(!thrown);
    BOOST_TEST(thrown.error().code == EngineErrorCode::io);
    BOOST_TEST(thrown.error().message == "Cannot access somewhere: stoll");
    BOOST_TEST(fixtures::detail(thrown.error(), "path") == "somewhere");
    auto other = detail::guarded("there", []() -> Result<void> { throw 42; });
    BOOST_TEST(other.error().message == "Cannot access there");
    BOOST_TEST(detail::guarded("x", []() -> Result<int> { return 7; }).value() == 7);
}

// A missing root reads as an empty store; check_exists tells the two apart.
BOOST_AUTO_TEST_CASE(check_exists_tells_a_missing_store_from_an_empty_one)
{
    fixtures::temp_dir tmp("store_exists");
    fs::path absent = tmp.path() / "absent", file = tmp.path() / "file";
    file_task_store missing(absent);
    BOOST_TEST(missing.list_projects().value().empty());
    auto gone = missing.check_exists();
    BOOST_TEST(gone.error().code == EngineErrorCode::not_found);
    BOOST_TEST(gone.error().error_id == "store_not_found");
    BOOST_TEST(gone.error().message == "No task store at " + absent.string() + ": the directory does not exist");
    BOOST_TEST(fixtures::detail(gone.error(), "path") == absent.string());
    fixtures::write(file, "x");
    auto not_dir = file_task_store(file).check_exists();
    BOOST_TEST(not_dir.error().code == EngineErrorCode::io);
    BOOST_TEST(not_dir.error().message == "Cannot open " + file.string() + ": Not a directory");
    BOOST_TEST(file_task_store(tmp.path()).check_exists().has_value());
    BOOST_REQUIRE(missing.put("p", "task-p-1", "{}"));
    BOOST_TEST(missing.check_exists().has_value());
}

BOOST_AUTO_TEST_CASE(missing_documents_are_not_found)
{
    fixtures::temp_dir tmp("store_missing");
    file_task_store store(tmp.path() / "never_created");
    BOOST_TEST(store.get("p", "id").error().code == EngineErrorCode::not_found);
    file_task_store existing(tmp.path());
    BOOST_REQUIRE(existing.put("p", "other", "x").has_value());
    auto missing = existing.get("p", "id");
    BOOST_TEST(missing.error().code == EngineErrorCode::not_found);
    BOOST_TEST(fixtures::detail(missing.error(), "path") == (tmp.path() / "p" / "id.json").string());
    BOOST_TEST(existing.get("q", "id").error().code == EngineErrorCode::not_found);
    BOOST_TEST(existing.remove("p", "id").error().code == EngineErrorCode::not_found);
}

BOOST_AUTO_TEST_CASE(list_ignores_temporary_files_directories_and_other_entries)
{
    fixtures::temp_dir tmp("store_list");
    file_task_store store(tmp.path());
    BOOST_REQUIRE(store.put("p", "task-p-b", "{}").has_value());
    BOOST_REQUIRE(store.put("p", "task-p-a", "{}").has_value());
    fixtures::write(tmp.path() / "p" / ".agent-engine-0123456789abcdef.tmp", "{");
    fixtures::write(tmp.path() / "p" / ".task-p-c.json", "{}");
    fixtures::write(tmp.path() / "p" / "notes.txt", "hi");
    fixtures::write(tmp.path() / "p" / ".json", "{}");
    fs::create_directories(tmp.path() / "p" / "task-p-dir.json");
    fs::create_symlink(tmp.path() / "p" / "task-p-a.json", tmp.path() / "p" / "task-p-link.json");
    auto listed = store.list("p");
    BOOST_REQUIRE(listed.has_value());
    BOOST_TEST(listed.value() == (names{"task-p-a", "task-p-b"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(list_of_a_missing_project_is_empty_and_creates_nothing)
{
    fixtures::temp_dir tmp("store_list_missing");
    file_task_store store(tmp.path() / "root");
    BOOST_TEST(store.list("nobody").value().empty());
    BOOST_TEST(store.list_projects().value().empty());
    BOOST_TEST(!fs::exists(tmp.path() / "root"));
}

BOOST_AUTO_TEST_CASE(projects_are_the_real_directories)
{
    fixtures::temp_dir tmp("store_projects");
    file_task_store store(tmp.path());
    BOOST_REQUIRE(store.put("zeta", "x", "{}").has_value());
    BOOST_REQUIRE(store.put("alpha", "x", "{}").has_value());
    fs::create_directories(tmp.path() / ".hidden");
    fixtures::write(tmp.path() / "file.json", "{}");
    fs::create_directory_symlink(tmp.path() / "alpha", tmp.path() / "linked");
    BOOST_TEST(store.list_projects().value() == (names{"alpha", "zeta"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unsafe_keys_are_security_errors_and_write_nothing)
{
    fixtures::temp_dir tmp("store_unsafe");
    file_task_store store(tmp.path() / "root");
    for (std::string_view bad : {"", ".", "..", "../x", "a/b", "a\\b", ".hidden"}) {
        BOOST_TEST_CONTEXT("'" << bad << "'")
        {
            BOOST_TEST(store.put(bad, "id", "x").error().code == EngineErrorCode::security);
            BOOST_TEST(store.put("p", bad, "x").error().code == EngineErrorCode::security);
            BOOST_TEST(store.get("p", bad).error().code == EngineErrorCode::security);
            BOOST_TEST(store.list(bad).error().code == EngineErrorCode::security);
            BOOST_TEST(store.remove("p", bad).error().code == EngineErrorCode::security);
        }
    }
    BOOST_TEST(store.put("p", std::string("a\0b", 3), "x").error().code == EngineErrorCode::security);
    BOOST_TEST(!fs::exists(tmp.path() / "root"));
}

BOOST_AUTO_TEST_CASE(symlinks_inside_the_root_are_refused)
{
    fixtures::temp_dir tmp("store_symlink");
    fs::create_directories(tmp.path() / "outside");
    fixtures::write(tmp.path() / "outside" / "secret.json", "{\"secret\": true}");
    fs::create_directories(tmp.path() / "root" / "p");
    fs::create_directory_symlink(tmp.path() / "outside", tmp.path() / "root" / "escape");
    fs::create_symlink(tmp.path() / "outside" / "secret.json", tmp.path() / "root" / "p" / "secret.json");
    file_task_store store(tmp.path() / "root");
    BOOST_TEST(store.get("escape", "secret").error().code == EngineErrorCode::security);
    BOOST_TEST(store.put("escape", "new", "x").error().code == EngineErrorCode::security);
    BOOST_TEST(store.list("escape").error().code == EngineErrorCode::security);
    BOOST_TEST(store.get("p", "secret").error().code == EngineErrorCode::security);
    BOOST_TEST(!fs::exists(tmp.path() / "outside" / "new.json"));
}

// A listing's one pass over a project refuses what get_ends refuses, each
// document with its own error: a symlink, a FIFO, a directory, a symlinked project.
BOOST_AUTO_TEST_CASE(ends_of_many_documents_refuse_what_each_read_refuses)
{
    fixtures::temp_dir tmp("store_ends");
    fs::path root = tmp.path() / "root";
    file_task_store store(root);
    BOOST_REQUIRE(store.put("p", "task-p-ok", "{}"));
    fixtures::write(tmp.path() / "secret.json", "{}");
    fs::create_symlink(tmp.path() / "secret.json", root / "p" / "task-p-link.json");
    BOOST_REQUIRE(::mkfifo((root / "p" / "task-p-fifo.json").c_str(), 0600) == 0); // must not hang the reader
    fs::create_directory(root / "p" / "task-p-dir.json");
    fs::create_directory_symlink(root / "p", root / "linked");
    auto codes = [&](std::string_view project, const names& ids) {
        names got;
        store.for_each_ends(project, ids, 64, 8, [&](std::size_t i, Result<document_ends> ends) {
            auto alone = store.get_ends(project, ids[i], 64, 8);
            BOOST_REQUIRE(ends.has_value() == alone.has_value());
            if (!alone)
                BOOST_TEST(to_json(ends.error()) == to_json(alone.error()));
            got.push_back(ends ? std::string("ok") : to_json(ends.error().code));
        });
        return got;
    };
    BOOST_TEST(codes("p", {"task-p-link", "task-p-ok", "task-p-fifo", "task-p-dir"}) ==
                   (names{"\"security\"", "ok", "\"io\"", "\"io\""}),
               boost::test_tools::per_element());
    BOOST_TEST(codes("linked", {"task-p-ok", "task-p-link"}) == (names{"\"security\"", "\"security\""}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(io_failures_carry_the_path_and_the_os_message)
{
    fixtures::temp_dir tmp("store_io");
    fixtures::write(tmp.path() / "not_a_dir", "x");
    file_task_store store(tmp.path() / "not_a_dir");
    auto put = store.put("p", "id", "x");
    BOOST_REQUIRE(!put.has_value());
    BOOST_TEST(put.error().code == EngineErrorCode::io);
    BOOST_TEST(fixtures::detail(put.error(), "path").starts_with((tmp.path() / "not_a_dir").string()));
    BOOST_TEST(!fixtures::detail(put.error(), "reason").empty());

    fs::create_directories(tmp.path() / "root" / "p" / "id.json"); // a directory where the file should be
    file_task_store blocked(tmp.path() / "root");
    auto overwrite = blocked.put("p", "id", "x");
    BOOST_TEST(overwrite.error().code == EngineErrorCode::io);
    BOOST_TEST(fixtures::detail(overwrite.error(), "path") == (tmp.path() / "root" / "p" / "id.json").string());
    BOOST_TEST(fixtures::detail(overwrite.error(), "operation") == "rename");
    BOOST_TEST(entries(tmp.path() / "root" / "p") == names{"id.json"}, boost::test_tools::per_element());
    BOOST_TEST(blocked.get("p", "id").error().code == EngineErrorCode::io);
}

// Each put resolves the directories afresh: one deleted, recreated or swapped
// for a symlink since the last put is seen, never written through a stale handle.
BOOST_AUTO_TEST_CASE(puts_see_directories_replaced_since_the_last_put)
{
    fixtures::temp_dir tmp("store_replaced");
    fs::create_directories(tmp.path() / "outside");
    for (bool durable : {true, false}) {
        fs::path root = tmp.path() / (durable ? "durable" : "fast");
        file_task_store store(root, {.durable = durable});
        BOOST_REQUIRE(store.put("p", "id", "1").has_value());
        fs::remove_all(root);
        BOOST_REQUIRE(store.put("p", "id", "2").has_value());
        BOOST_TEST(store.get("p", "id").value() == "2");
        fs::remove_all(root / "p");
        fs::create_directory_symlink(tmp.path() / "outside", root / "p");
        BOOST_TEST(store.put("p", "id", "3").error().code == EngineErrorCode::security);
    }
    BOOST_TEST(fs::is_empty(tmp.path() / "outside"));
}

// A killed writer's temporary file longer than the next document: the put
// truncates it, so no tail of the old bytes survives.
BOOST_AUTO_TEST_CASE(a_leftover_temporary_file_is_truncated)
{
    fixtures::temp_dir tmp("store_leftover");
    file_task_store store(tmp.path(), {.durable = false});
    BOOST_REQUIRE(store.put("p", "id", "first").has_value());
    fixtures::write(tmp.path() / "p" / ".id.tmp", std::string(10000, 'x'));
    BOOST_REQUIRE(store.put("p", "id", "second").has_value());
    BOOST_TEST(store.get("p", "id").value() == "second");
    BOOST_TEST(entries(tmp.path() / "p") == names{"id.json"}, boost::test_tools::per_element());
}

// location() spells paths as std::filesystem::path's operator/ does.
BOOST_AUTO_TEST_CASE(location_spells_paths_as_filesystem_path)
{
    for (fs::path root : {"", "a", "a/", "/", "/a//", "a/..", "./b"})
        BOOST_TEST(file_task_store(root).location("p", "id") == (root / "p" / "id.json").string());
}

BOOST_AUTO_TEST_CASE(remove_deletes_the_document)
{
    fixtures::temp_dir tmp("store_remove");
    file_task_store store(tmp.path());
    BOOST_REQUIRE(store.put("p", "a", "x").has_value());
    BOOST_REQUIRE(store.remove("p", "a").has_value());
    BOOST_TEST(store.list("p").value().empty());
    BOOST_TEST(store.get("p", "a").error().code == EngineErrorCode::not_found);
}

namespace {

// Files this process writes are cut at `bytes` while it lives (RLIMIT_FSIZE): a
// write past it fails with EFBIG, as on a full disk, instead of raising SIGXFSZ.
class file_size_limit {
    rlimit old_{};
    void (*old_handler_)(int);

public:
    explicit file_size_limit(rlim_t bytes) : old_handler_(std::signal(SIGXFSZ, SIG_IGN))
    {
        ::getrlimit(RLIMIT_FSIZE, &old_);
        rlimit cut = old_;
        cut.rlim_cur = bytes;
        BOOST_REQUIRE(::setrlimit(RLIMIT_FSIZE, &cut) == 0);
    }
    ~file_size_limit()
    {
        ::setrlimit(RLIMIT_FSIZE, &old_);
        std::signal(SIGXFSZ, old_handler_);
    }
};

} // namespace

BOOST_AUTO_TEST_CASE(a_failed_first_save_leaves_no_project_directory)
{
    fixtures::temp_dir tmp("store_failed_first");
    file_task_store store(tmp.path());
    BOOST_REQUIRE(store.put("kept", "a", "x"));
    {
        file_size_limit cut(1000);
        auto put = store.put("new", "a", std::string(5000, 'x'));
        BOOST_REQUIRE(!put);
        BOOST_TEST(put.error().code == EngineErrorCode::io);
        BOOST_TEST(fixtures::detail(put.error(), "operation") == "write");
        BOOST_TEST(store.put("kept", "b", std::string(5000, 'x')).error().code == EngineErrorCode::io);
    }
    BOOST_TEST(entries(tmp.path()) == names{"kept"}, boost::test_tools::per_element());
    BOOST_TEST(entries(tmp.path() / "kept") == names{"a.json"}, boost::test_tools::per_element());
    BOOST_TEST(store.list_projects().value() == names{"kept"}, boost::test_tools::per_element());
}

// An operator removing a project's directory while its tasks are saved: each
// save either lands (the directory made again) or fails as io naming the path,
// never as a missing checkpoint (not_found means "no such document").
BOOST_AUTO_TEST_CASE(a_project_directory_removed_during_saves_is_made_again)
{
    fixtures::temp_dir tmp("store_vanishing");
    file_task_store store(tmp.path(), {.durable = false});
    std::atomic<bool> stop{false};
    std::atomic<int> removals{0};
    std::thread remover([&] {
        while (!stop) {
            std::error_code ec;
            if (fs::remove_all(tmp.path() / "p", ec) > 0)
                ++removals;
        }
    });
    int failed = 0;
    for (int i = 0; i < 400; ++i) {
        auto put = store.put("p", "task-p-" + std::to_string(i % 4), std::string(1000, 'x'));
        if (!put) {
            ++failed;
            BOOST_TEST(put.error().code == EngineErrorCode::io, put.error().message);
            BOOST_TEST(fixtures::detail(put.error(), "path").starts_with((tmp.path() / "p").string()));
        }
    }
    stop = true;
    remover.join();
    BOOST_TEST_MESSAGE(removals << " removals, " << failed << " of 400 saves failed");
    BOOST_REQUIRE(store.put("p", "task-p-0", "last"));
    BOOST_TEST(store.get("p", "task-p-0").value() == "last");
}

BOOST_AUTO_TEST_SUITE_END()
