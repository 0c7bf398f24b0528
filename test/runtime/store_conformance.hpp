#ifndef AGENT_ENGINE_TEST_RUNTIME_STORE_CONFORMANCE_HPP
#define AGENT_ENGINE_TEST_RUNTIME_STORE_CONFORMANCE_HPP

// The task_store contract, as test cases that run unchanged against every store:
// a test executable includes this header once and defines
//     std::function<std::shared_ptr<agent_engine::task_store>()> conformance_storage();
// returning, for each test case, an opener of fresh, empty storage: each call of
// the opener opens another handle on that same storage, as another worker would.

#include <boost/test/unit_test.hpp>

#include "../schemas/fixtures.hpp"
#include "forwarding_store.hpp"

#include <agent_engine/runtime/store_copy.hpp>
#include <agent_engine/runtime/task_manager.hpp>

#include <atomic>
#include <functional>
#include <limits>
#include <memory>
#include <thread>

std::function<std::shared_ptr<agent_engine::task_store>()> conformance_storage();

// One handle on fresh, empty storage.
inline std::shared_ptr<agent_engine::task_store> make_conformance_store() { return conformance_storage()(); }

namespace conformance {

using namespace agent_engine;
using ids = std::vector<std::string>;

inline ids ids_of(const std::vector<TaskMetadata>& tasks)
{
    ids out;
    for (auto const& t : tasks)
        out.push_back(t.task_id);
    return out;
}

inline Task make_task(std::string id, TaskStatus status, std::optional<std::string> updated)
{
    Task t;
    t.task_id = std::move(id);
    t.spec.task_spec_id = "h";
    t.spec.request = "r";
    t.status = status;
    t.pipeline_id = "p";
    t.updated_at = std::move(updated);
    return t;
}

// Six tasks of project "h", one updated per day of December 2025.
struct history {
    std::shared_ptr<task_store> store = make_conformance_store();

    history()
    {
        add("task-h-1", TaskStatus::completed, "2025-12-01T00:00:00.000000Z");
        add("task-h-2", TaskStatus::failed, "2025-12-02T00:00:00.000000Z");
        add("task-h-3", TaskStatus::running, "2025-12-03T00:00:00.000000Z");
        add("task-h-4", TaskStatus::completed, "2025-12-04T00:00:00.000000Z");
        add("task-h-5", TaskStatus::pending, "2025-12-05T00:00:00.000000Z");
        add("task-h-6", TaskStatus::completed, "2025-12-06T00:00:00.000000Z");
    }
    void add(std::string id, TaskStatus status, std::optional<std::string> updated)
    {
        auto t = make_task(id, status, std::move(updated));
        put_document(*store, "h", id, t).value();
    }
    ids listed(const task_query& q = {}) const { return ids_of(list_task_metadata(*store, "h", q).value().tasks); }
};

inline std::chrono::system_clock::time_point at(std::string_view ts) { return parse_utc_timestamp(ts).value(); }

} // namespace conformance

namespace conformance {

// A store on which every conditional removal comes just after a worker saved
// the task again (running, updated now): prune's window, made certain.
class saved_before_each_removal final : public test_stores::forwarding_store {
public:
    using forwarding_store::forwarding_store;

    Result<bool> remove_if(std::string_view project, std::string_view id, const removal_check& check) override
    {
        auto saved = make_task(std::string(id), TaskStatus::running, utc_timestamp_now());
        BOOST_REQUIRE(put_document(*inner_, project, id, saved));
        return inner_->remove_if(project, id, check);
    }
};

} // namespace conformance

BOOST_AUTO_TEST_SUITE(store_conformance)

BOOST_AUTO_TEST_CASE(documents_round_trip_byte_for_byte)
{
    auto store = make_conformance_store();
    // Not JSON, with a NUL byte and invalid UTF-8: a store keeps bytes, not text.
    const std::string odd("{\"a\": 1}\n\0\xff\xfe tail", 16);
    BOOST_REQUIRE(store->put("p", "task-p-1", odd));
    BOOST_TEST(store->check_exists().has_value());
    BOOST_TEST(store->get("p", "task-p-1").value() == odd);
    BOOST_REQUIRE(store->put("p", "task-p-1", "second"));
    BOOST_TEST(store->get("p", "task-p-1").value() == "second");
    BOOST_TEST(store->list("p").value() == (conformance::ids{"task-p-1"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(replace_if_replaces_only_the_document_the_caller_judged)
{
    auto store = make_conformance_store();
    BOOST_REQUIRE(store->put("p", "task-p-1", "first"));
    auto judged = store->get_versioned("p", "task-p-1").value();
    // Still the document read (the same bytes, the same version): replaced.
    auto unchanged = [&]() -> agent_engine::Result<bool> {
        BOOST_OUTCOME_TRY(auto now, store->get("p", "task-p-1"));
        return now == judged.bytes;
    };
    auto replaced = store->replace_if("p", "task-p-1", "second", {judged.version, unchanged});
    BOOST_REQUIRE(replaced);
    BOOST_TEST(replaced.value());
    BOOST_TEST(store->get("p", "task-p-1").value() == "second");
    // Judged on "first", which was replaced since: kept, and nothing else written.
    auto kept = store->replace_if("p", "task-p-1", "third", {judged.version, unchanged});
    BOOST_REQUIRE(kept);
    BOOST_TEST(!kept.value());
    BOOST_TEST(store->get("p", "task-p-1").value() == "second");
    BOOST_TEST(store->list("p").value() == (conformance::ids{"task-p-1"}), boost::test_tools::per_element());
}

// An opened document reads as it was when opened, even if it is replaced before
// the reading ends (a load that streams never mixes two saves).
BOOST_AUTO_TEST_CASE(an_opened_document_reads_as_it_was_when_opened)
{
    auto store = make_conformance_store();
    const std::string first(200000, 'a'), second = "second";
    BOOST_REQUIRE(store->put("p", "task-p-1", first));
    auto opened = store->open("p", "task-p-1");
    BOOST_REQUIRE(opened);
    BOOST_REQUIRE(store->put("p", "task-p-1", second));
    std::string read;
    char buf[4096];
    for (std::size_t n; (n = opened.value().text->read(read.size(), buf, sizeof buf).value()) != 0;)
        read.append(buf, n);
    BOOST_TEST(read == first);
    BOOST_TEST((store->open("p", "task-p-none").error().code == agent_engine::EngineErrorCode::not_found));
    BOOST_TEST((store->open("p", "../x").error().code == agent_engine::EngineErrorCode::security));
}

BOOST_AUTO_TEST_CASE(missing_documents_are_not_found)
{
    auto store = make_conformance_store();
    BOOST_TEST(store->get("p", "task-p-none").error().code == agent_engine::EngineErrorCode::not_found);
    BOOST_TEST(store->remove("p", "task-p-none").error().code == agent_engine::EngineErrorCode::not_found);
    BOOST_REQUIRE(store->put("p", "task-p-1", "x"));
    BOOST_REQUIRE(store->remove("p", "task-p-1"));
    auto gone = store->get("p", "task-p-1");
    BOOST_TEST(gone.error().code == agent_engine::EngineErrorCode::not_found);
    BOOST_TEST(fixtures::detail(gone.error(), "path") == store->location("p", "task-p-1"));
    BOOST_TEST(store->list("p").value().empty());
}

BOOST_AUTO_TEST_CASE(listings_are_sorted_bytewise)
{
    auto store = make_conformance_store();
    for (auto id : {"task-p-b", "task-p-B", "task-p-a", "task-p-_", "task-p-\xc3\xa9"})
        BOOST_REQUIRE(store->put("p", id, "{}"));
    BOOST_REQUIRE(store->put("q", "task-q-1", "{}"));
    BOOST_REQUIRE(store->put("A", "task-A-1", "{}"));
    BOOST_TEST(store->list("p").value() == (conformance::ids{"task-p-B", "task-p-_", "task-p-a", "task-p-b",
                                                             "task-p-\xc3\xa9"}),
               boost::test_tools::per_element());
    BOOST_TEST(store->list_projects().value() == (conformance::ids{"A", "p", "q"}), boost::test_tools::per_element());
    BOOST_TEST(store->list("nobody").value().empty());
}

BOOST_AUTO_TEST_CASE(unsafe_keys_are_security_errors_and_write_nothing)
{
    using agent_engine::EngineErrorCode;
    auto store = make_conformance_store();
    for (const std::string& bad : std::vector<std::string>{"", "..", ".hidden", "a/b", "a\\b", std::string("a\0b", 3),
                                                          std::string(256, 'x')}) {
        BOOST_TEST(store->put("p", bad, "x").error().code == EngineErrorCode::security);
        BOOST_TEST(store->put(bad, "task-p-1", "x").error().code == EngineErrorCode::security);
        BOOST_TEST(store->get("p", bad).error().code == EngineErrorCode::security);
        BOOST_TEST(store->remove("p", bad).error().code == EngineErrorCode::security);
        BOOST_TEST(store->list(bad).error().code == EngineErrorCode::security);
    }
    BOOST_TEST(store->list_projects().value().empty());
}

BOOST_AUTO_TEST_CASE(task_manager_saves_the_bytes_the_file_store_writes_and_loads_them_back)
{
    using namespace agent_engine;
    TaskManager tm(make_conformance_store());
    auto task = tm.create_task({.task_spec_id = "conf", .request = "r\u00e9sum\u00e9 \"quoted\""}, "pipe").value();
    BOOST_REQUIRE(tm.set_status(task.task_id, TaskStatus::running));
    BOOST_REQUIRE(tm.append_routing(task.task_id, "stage-1", "go", "agent-1"));
    BOOST_REQUIRE(tm.save_checkpoint(task.task_id));
    const Task saved = *tm.get_task(task.task_id);
    BOOST_TEST(tm.store().get("conf", task.task_id).value() == to_json(saved, json_format::pretty()));
    TaskManager other(std::shared_ptr<task_store>(&tm.store(), [](task_store*) {}));
    BOOST_TEST(to_json(*other.load_checkpoint(task.task_id).value()) == to_json(saved));
    auto meta = other.get_task_metadata(task.task_id).value();
    BOOST_TEST(meta.status == TaskStatus::running);
    BOOST_TEST(meta.pipeline_id == "pipe");
    BOOST_TEST(meta.updated_at == saved.updated_at);
    BOOST_TEST(other.list_tasks("conf").value() == (conformance::ids{task.task_id}), boost::test_tools::per_element());
    BOOST_TEST(other.list_projects().value() == (conformance::ids{"conf"}), boost::test_tools::per_element());
    BOOST_TEST(other.load_checkpoint("task-conf-missing").error().code == EngineErrorCode::not_found);
}

// The Task schemas strip their str values on reading (str_strip_whitespace, as the
// Python original's models do on construction): a task built or edited in C++ is
// held and saved as a load of its checkpoint reads it, so that save then load is
// the identity and this library writes what the original would.
BOOST_AUTO_TEST_CASE(a_save_writes_what_a_load_of_it_returns)
{
    using namespace agent_engine;
    TaskManager tm(make_conformance_store());
    auto created = tm.create_task({.task_spec_id = "norm", .request = " r ", .hints = {" h "}}, " pipe ",
                                  "task-norm-1");
    BOOST_REQUIRE(created);
    BOOST_TEST(created.value().spec.request == "r");
    BOOST_TEST(created.value().spec.hints.front() == "h");
    BOOST_TEST(created.value().pipeline_id == "pipe");

    Task built = conformance::make_task("task-norm-2", TaskStatus::running, "2025-12-01T00:00:00.000000Z");
    built.pipeline_id = "\t p \n";
    built.stage_results.insert_or_assign(" s ", StageExecutionRecord{});
    auto held = tm.put_task(built);
    BOOST_REQUIRE(held);
    BOOST_TEST(held.value()->pipeline_id == "p");
    BOOST_TEST(held.value()->stage_results.contains("s"));

    // Edits through the manager and in place, then a save: the file holds the
    // normalized task, which loads back as the file says, byte for byte.
    BOOST_REQUIRE(tm.record_stage_result("task-norm-2", " t ", StageExecutionRecord{}));
    BOOST_REQUIRE(tm.set_current_stage("task-norm-2", " t "));
    tm.edit_task("task-norm-2").value()->spec.request = " edited ";
    for (std::string id : {"task-norm-1", "task-norm-2"}) {
        BOOST_TEST_CONTEXT(id)
        {
            BOOST_REQUIRE(tm.save_checkpoint(id));
            std::string bytes = tm.store().get("norm", id).value();
            TaskManager other(std::shared_ptr<task_store>(&tm.store(), [](task_store*) {}));
            auto loaded = other.load_checkpoint(id);
            BOOST_REQUIRE(loaded);
            BOOST_TEST(to_json(*loaded.value(), json_format::pretty()) == bytes);
            BOOST_TEST(loaded.value()->pipeline_id == (id == "task-norm-1" ? "pipe" : "p"));
        }
    }
    const std::string saved = tm.store().get("norm", "task-norm-2").value();
    BOOST_TEST(saved.find("\"edited\"") != std::string::npos);
    BOOST_TEST(saved.find("\"t\": {") != std::string::npos);
    BOOST_TEST(saved.find("\"current_stage_id\": \"t\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(python_checkpoints_load_and_save_back_unchanged)
{
    using namespace agent_engine;
    auto store = make_conformance_store();
    TaskManager tm(store);
    for (auto const& file : fixtures::all()) {
        std::string id = file.stem().string(), bytes = fixtures::read(file);
        BOOST_REQUIRE(store->put(extract_project_id(id), id, bytes));
        BOOST_REQUIRE(tm.load_checkpoint(id));
        BOOST_REQUIRE(tm.save_checkpoint(id));
        BOOST_TEST(store->get(extract_project_id(id), id).value() == bytes, file.string());
    }
}

// Every error about a stored checkpoint names it, in its message as in its
// details: a json error on the same line, a validation report below a line
// naming it, pydantic's text intact.
BOOST_AUTO_TEST_CASE(corrupt_checkpoints_are_errors_naming_their_location)
{
    using namespace agent_engine;
    auto store = make_conformance_store();
    const std::string broken = "{\"task_id\": ", invalid = R"({"task_id": "task-c-invalid", "status": "lost"})";
    BOOST_REQUIRE(store->put("c", "task-c-bad", broken));
    BOOST_REQUIRE(store->put("c", "task-c-invalid", invalid));
    std::string bad_at = store->location("c", "task-c-bad"), invalid_at = store->location("c", "task-c-invalid");
    TaskManager tm(store);
    auto loaded = tm.load_checkpoint("task-c-bad");
    BOOST_TEST(loaded.error().code == EngineErrorCode::json);
    BOOST_TEST(fixtures::detail(loaded.error(), "path") == bad_at);
    BOOST_TEST(loaded.error().message == bad_at + ": " + from_json<Task>(broken).error().message);
    BOOST_TEST(tm.get_task_metadata("task-c-bad").error().message == loaded.error().message);
    auto rejected = tm.load_checkpoint("task-c-invalid");
    BOOST_TEST(rejected.error().code == EngineErrorCode::validation);
    BOOST_TEST(rejected.error().message == invalid_at + ":\n" + from_json<Task>(invalid).error().message);
    auto meta = tm.get_task_metadata("task-c-invalid");
    BOOST_TEST(meta.error().message == invalid_at + ":\n" + from_json<TaskMetadata>(invalid).error().message);
    // What a listing skips says which checkpoint it is.
    auto page = list_task_metadata(*store, "c").value();
    BOOST_REQUIRE_EQUAL(page.skipped.size(), 2u);
    BOOST_TEST(page.skipped[0].message == loaded.error().message);
    BOOST_TEST(page.skipped[1].message == meta.error().message);
}

// Metadata of a checkpoint far larger than the ends it is read from; of one whose
// spec or last timestamp outgrows those ends (read whole); of every way the ends
// can end: always what the whole text says.
BOOST_AUTO_TEST_CASE(metadata_of_large_checkpoints_reads_what_the_whole_text_says)
{
    using namespace agent_engine;
    auto store = make_conformance_store();
    auto put = [&](const std::string& id, const Task& t) { BOOST_REQUIRE(put_document(*store, "big", id, t)); };
    Task t = conformance::make_task("task-big-1", TaskStatus::running, "2025-12-06T00:00:00.000000Z");
    t.created_at = "2025-12-05T00:00:00.000000Z";
    StageExecutionRecord stage;
    stage.output = boost::json::string(1000, 'x');
    for (int i = 0; i < 300; ++i)
        t.stage_results.insert_or_assign("s" + std::to_string(i), stage);
    put("task-big-1", t);
    Task wide_spec = t;
    wide_spec.task_id = "task-big-2";
    wide_spec.spec.request = std::string(200000, 'r');
    put("task-big-2", wide_spec);
    Task long_tail = t;
    long_tail.task_id = "task-big-3";
    long_tail.updated_at = std::string(10000, 'u');
    put("task-big-3", long_tail);
    for (std::string id : {"task-big-1", "task-big-2", "task-big-3"}) {
        BOOST_TEST_CONTEXT(id)
        {
            auto meta = read_stored_task_metadata(*store, "big", id);
            BOOST_REQUIRE(meta.has_value());
            BOOST_TEST(to_json(meta.value()) == to_json(from_json<TaskMetadata>(store->get("big", id).value()).value()));
        }
    }
    // An invalid status at the head: a validation error with the checkpoint's location.
    std::string bytes = store->get("big", "task-big-1").value();
    std::string bad = bytes;
    bad.replace(bad.find("\"running\""), 9, "\"paused\" ");
    BOOST_REQUIRE(store->put("big", "task-big-4", bad));
    auto invalid = read_stored_task_metadata(*store, "big", "task-big-4");
    BOOST_TEST(invalid.error().code == EngineErrorCode::validation);
    BOOST_TEST(fixtures::detail(invalid.error(), "path") == store->location("big", "task-big-4"));
    // Cut short: a json error, located in the whole text.
    BOOST_REQUIRE(store->put("big", "task-big-5", bytes.substr(0, bytes.size() - 3)));
    auto truncated = read_stored_task_metadata(*store, "big", "task-big-5");
    BOOST_TEST(truncated.error().message == store->location("big", "task-big-5") + ": " +
                                                from_json<Task>(bytes.substr(0, bytes.size() - 3)).error().message);
    BOOST_TEST(read_stored_task_metadata(*store, "big", "task-big-6").error().code == EngineErrorCode::not_found);
    // Read in one pass, each is what it is read alone.
    conformance::ids all{"task-big-1", "task-big-2", "task-big-3", "task-big-4", "task-big-5", "task-big-6"};
    std::size_t visited = 0;
    for_each_stored_task_metadata(*store, "big", all, [&](std::size_t i, Result<TaskMetadata> meta) {
        BOOST_TEST(i == visited++);
        auto alone = read_stored_task_metadata(*store, "big", all[i]);
        BOOST_TEST_CONTEXT(all[i])
        {
            BOOST_REQUIRE(meta.has_value() == alone.has_value());
            if (alone)
                BOOST_TEST(to_json(meta.value()) == to_json(alone.value()));
            else
                BOOST_TEST(to_json(meta.error()) == to_json(alone.error()));
        }
    });
    BOOST_TEST(visited == all.size());
}

BOOST_AUTO_TEST_CASE(ends_of_many_documents_are_the_ends_of_each)
{
    using namespace agent_engine;
    auto store = make_conformance_store();
    BOOST_REQUIRE(store->put("p", "task-p-1", "short"));
    BOOST_REQUIRE(store->put("p", "task-p-2", "head" + std::string(5000, '.') + "tail"));
    auto check = [&](std::string_view project, const conformance::ids& ids) {
        std::size_t visited = 0;
        store->for_each_ends(project, ids, 100, 10, [&](std::size_t i, Result<document_ends> ends) {
            BOOST_TEST(i == visited++);
            auto alone = store->get_ends(project, ids[i], 100, 10);
            BOOST_TEST_CONTEXT(project << "/" << ids[i])
            {
                BOOST_REQUIRE(ends.has_value() == alone.has_value());
                if (alone) {
                    BOOST_TEST(ends.value().head == alone.value().head);
                    BOOST_TEST(ends.value().tail == alone.value().tail);
                    BOOST_TEST(ends.value().whole == alone.value().whole);
                } else {
                    BOOST_TEST(to_json(ends.error()) == to_json(alone.error()));
                }
            }
        });
        BOOST_TEST(visited == ids.size());
    };
    // found, whole or by its ends; missing; unsafe
    check("p", {"task-p-2", "task-p-none", "..", "task-p-1"});
    BOOST_TEST(store->get_ends("p", "task-p-2", 100, 10).value().tail == std::string(6, '.') + "tail");
    check("nobody", {"task-nobody-1", "..", "task-nobody-2"}); // each not_found at its own location; the unsafe id a security error
    check("../p", {"task-p-1", ".."}); // the project's key: a security error for each
}

BOOST_AUTO_TEST_CASE(history_orders_filters_and_windows)
{
    using namespace agent_engine;
    conformance::history h;
    BOOST_TEST(h.listed() == (conformance::ids{"task-h-6", "task-h-5", "task-h-4", "task-h-3", "task-h-2", "task-h-1"}),
               boost::test_tools::per_element());
    BOOST_TEST(h.listed({.order = task_order::oldest_first}) ==
                   (conformance::ids{"task-h-1", "task-h-2", "task-h-3", "task-h-4", "task-h-5", "task-h-6"}),
               boost::test_tools::per_element());
    BOOST_TEST(h.listed({.statuses = {TaskStatus::running, TaskStatus::pending}}) ==
                   (conformance::ids{"task-h-5", "task-h-3"}),
               boost::test_tools::per_element());
    BOOST_TEST(h.listed({.updated_after = "2025-12-02T00:00:00Z", .updated_before = "2025-12-05T00:00:00+00:00"}) ==
                   (conformance::ids{"task-h-4", "task-h-3"}),
               boost::test_tools::per_element());
    BOOST_TEST(list_task_metadata(*h.store, "h", {.updated_after = "yesterday"}).error().code ==
               EngineErrorCode::validation);
    BOOST_TEST(list_task_metadata(*h.store, "nobody").value().tasks.empty());
    auto meta = list_task_metadata(*h.store, "h", {.limit = 1}).value().tasks.at(0);
    BOOST_TEST(meta.task_id == "task-h-6");
    BOOST_TEST(meta.status == TaskStatus::completed);
    BOOST_TEST(meta.pipeline_id == "p");
    BOOST_TEST(!meta.created_at);
    BOOST_TEST(*meta.updated_at == "2025-12-06T00:00:00.000000Z");
}

BOOST_AUTO_TEST_CASE(untimed_tasks_sort_oldest_and_never_match_a_window)
{
    using namespace agent_engine;
    conformance::history h;
    h.add("task-h-untimed", TaskStatus::completed, std::nullopt);
    h.add("task-h-garbled", TaskStatus::completed, "not a time");
    BOOST_TEST(h.listed({.order = task_order::oldest_first, .limit = 2}) ==
                   (conformance::ids{"task-h-garbled", "task-h-untimed"}),
               boost::test_tools::per_element());
    BOOST_TEST(h.listed({.updated_before = "2025-12-02T00:00:00Z"}) == (conformance::ids{"task-h-1"}),
               boost::test_tools::per_element());
    auto pruned = prune_tasks(*h.store, "h", {.older_than = std::chrono::hours(24)},
                              conformance::at("2025-12-10T00:00:00Z"));
    BOOST_TEST(conformance::ids_of(pruned.value().removed) == (conformance::ids{"task-h-1", "task-h-2", "task-h-4", "task-h-6"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(paging_with_a_cursor_visits_every_task_once)
{
    using namespace agent_engine;
    conformance::history h;
    h.add("task-h-0", TaskStatus::completed, "2025-12-04T00:00:00.000000Z"); // same time as task-h-4
    for (auto order : {task_order::newest_first, task_order::oldest_first}) {
        task_query q{.order = order, .limit = 2};
        conformance::ids seen;
        int pages = 0;
        for (;;) {
            auto page = list_task_metadata(*h.store, "h", q).value();
            ++pages;
            for (auto& id : conformance::ids_of(page.tasks))
                seen.push_back(id);
            if (page.next_cursor.empty())
                break;
            q.cursor = page.next_cursor;
        }
        BOOST_TEST(pages == 4); // 2 + 2 + 2 + 1
        BOOST_TEST(seen == h.listed({.order = order}), boost::test_tools::per_element());
    }
    auto exact = list_task_metadata(*h.store, "h", {.statuses = {TaskStatus::completed}, .limit = 4}).value();
    BOOST_TEST(exact.tasks.size() == 4u);
    BOOST_TEST(exact.next_cursor.empty());
    BOOST_TEST(list_task_metadata(*h.store, "h", {.cursor = "garbage"}).error().code == EngineErrorCode::validation);
}

// Every project as one history: merged in order, paged by one cursor, each
// project's unreadable checkpoints reported.
BOOST_AUTO_TEST_CASE(the_history_of_every_project_is_one_history)
{
    using namespace agent_engine;
    conformance::history h;
    for (auto [id, day] : {std::pair{"task-g-1", "03"}, {"task-g-2", "05"}, {"task-g-3", "07"}})
        BOOST_REQUIRE(put_document(*h.store, "g", id,
                                   conformance::make_task(id, TaskStatus::completed,
                                                          "2025-12-" + std::string(day) + "T12:00:00Z")));
    BOOST_REQUIRE(h.store->put("g", "task-g-bad", "{"));
    auto all = [&](task_query q) { return list_all_task_metadata(*h.store, q).value(); };
    BOOST_TEST(conformance::ids_of(all({}).tasks) ==
                   (conformance::ids{"task-g-3", "task-h-6", "task-g-2", "task-h-5", "task-h-4", "task-g-1",
                                     "task-h-3", "task-h-2", "task-h-1"}),
               boost::test_tools::per_element());
    BOOST_TEST(all({}).skipped.size() == 1u);
    BOOST_TEST(conformance::ids_of(all({.statuses = {TaskStatus::completed}, .order = task_order::oldest_first,
                                        .limit = 3})
                                       .tasks) == (conformance::ids{"task-h-1", "task-g-1", "task-h-4"}),
               boost::test_tools::per_element());
    for (auto order : {task_order::newest_first, task_order::oldest_first}) {
        task_query q{.order = order, .limit = 4};
        conformance::ids seen;
        for (;;) {
            auto page = all(q);
            for (auto& id : conformance::ids_of(page.tasks))
                seen.push_back(id);
            if (page.next_cursor.empty())
                break;
            q.cursor = page.next_cursor;
        }
        BOOST_TEST(seen == conformance::ids_of(all({.order = order}).tasks), boost::test_tools::per_element());
    }
}

// Progress is reported as each step's items are done: from 0 to the total, one at a time.
BOOST_AUTO_TEST_CASE(history_and_prune_report_their_progress)
{
    using namespace agent_engine;
    conformance::history h;
    conformance::ids seen;
    progress_callback record = [&](std::string_view step, std::size_t done, std::size_t total) {
        seen.push_back(std::string(step) + " " + std::to_string(done) + "/" + std::to_string(total));
    };
    auto steps = [](conformance::ids expected, std::string_view step, std::size_t total) {
        for (std::size_t i = 0; i <= total; ++i)
            expected.push_back(std::string(step) + " " + std::to_string(i) + "/" + std::to_string(total));
        return expected;
    };
    // A store answering from an index reads no document.
    auto reads = h.store->metadata_index() ? conformance::ids{} : steps({}, "read", 6);
    BOOST_REQUIRE(list_task_metadata(*h.store, "h", {.limit = 1, .progress = record}));
    BOOST_TEST(seen == reads, boost::test_tools::per_element());
    seen.clear();
    BOOST_REQUIRE(prune_tasks(*h.store, "h", {.older_than = std::chrono::hours(24), .progress = record}));
    BOOST_TEST(seen == steps(reads, "remove", 4), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unreadable_checkpoints_are_skipped_and_reported)
{
    using namespace agent_engine;
    conformance::history h;
    BOOST_REQUIRE(h.store->put("h", "task-h-bad", "{\"task_id\": "));
    for (auto order : {task_order::newest_first, task_order::oldest_first}) {
        auto page = list_task_metadata(*h.store, "h", {.order = order}).value();
        BOOST_TEST(page.tasks.size() == 6u);
        BOOST_REQUIRE_EQUAL(page.skipped.size(), 1u);
        BOOST_TEST(page.skipped[0].code == EngineErrorCode::json);
        BOOST_TEST(fixtures::detail(page.skipped[0], "path") == h.store->location("h", "task-h-bad"));
    }
    // Fixed in place: listed again.
    BOOST_REQUIRE(put_document(*h.store, "h", "task-h-bad", conformance::make_task("task-h-bad", TaskStatus::failed,
                                                                                   "2025-12-07T00:00:00Z")));
    auto page = list_task_metadata(*h.store, "h").value();
    BOOST_TEST(page.skipped.empty());
    BOOST_TEST(page.tasks.at(0).task_id == "task-h-bad");
}

BOOST_AUTO_TEST_CASE(prune_with_dry_run_then_for_real)
{
    using namespace agent_engine;
    conformance::history h;
    auto now = conformance::at("2025-12-06T12:00:00Z");
    auto dry = prune_tasks(*h.store, "h", {.older_than = std::chrono::hours(24 * 3), .dry_run = true}, now).value();
    BOOST_TEST(dry.dry_run);
    BOOST_TEST(conformance::ids_of(dry.removed) == (conformance::ids{"task-h-1", "task-h-2"}),
               boost::test_tools::per_element());
    BOOST_TEST(h.store->list("h").value().size() == 6u);
    auto real = prune_tasks(*h.store, "h", {.older_than = std::chrono::hours(24 * 3)}, now).value();
    BOOST_TEST(conformance::ids_of(real.removed) == (conformance::ids{"task-h-1", "task-h-2"}),
               boost::test_tools::per_element());
    BOOST_TEST(h.store->list("h").value() == (conformance::ids{"task-h-3", "task-h-4", "task-h-5", "task-h-6"}),
               boost::test_tools::per_element());
    auto by_status = prune_tasks(*h.store, "h", {.statuses = {TaskStatus::completed}}, now).value();
    BOOST_TEST(conformance::ids_of(by_status.removed) == (conformance::ids{"task-h-4", "task-h-6"}),
               boost::test_tools::per_element());
    BOOST_TEST(prune_tasks(*h.store, "h", {}, now).error().code == EngineErrorCode::validation);
    BOOST_TEST(prune_tasks(*h.store, "..", {.statuses = {TaskStatus::failed}}, now).error().code ==
               EngineErrorCode::security);
}

// An age beyond what system_clock's nanoseconds hold (~292 years) reaches back
// before 1970: nothing is that old. It once overflowed into a future cutoff.
BOOST_AUTO_TEST_CASE(prune_by_an_age_longer_than_the_clock_removes_nothing)
{
    using namespace agent_engine;
    conformance::history h;
    for (auto age : {parse_duration("20000w").value(), std::chrono::seconds(std::numeric_limits<std::int64_t>::max())}) {
        auto pruned = prune_tasks(*h.store, "h", {.older_than = age}, conformance::at("2025-12-07T12:00:00Z"));
        BOOST_TEST(pruned.value().removed.empty());
    }
    BOOST_TEST(h.store->list("h").value().size() == 6u);
}


// Deterministic: each task is saved again between prune's reading and its removal.
BOOST_AUTO_TEST_CASE(prune_keeps_a_task_saved_again_after_it_was_read)
{
    using namespace agent_engine;
    conformance::history h;
    conformance::saved_before_each_removal racing(h.store);
    auto pruned = prune_tasks(racing, "h", {.older_than = std::chrono::hours(24)}).value();
    BOOST_TEST(pruned.removed.empty());
    BOOST_REQUIRE_EQUAL(pruned.skipped.size(), 4u); // the completed and failed ones, judged and then saved
    for (auto const& e : pruned.skipped) {
        BOOST_TEST(e.error_id == "task_changed");
        BOOST_TEST(e.message.find(fixtures::detail(e, "path")) != std::string::npos, e.message);
    }
    auto stored = h.store->list("h").value();
    BOOST_TEST(stored.size() == 6u);
    for (auto const& id : stored)
        BOOST_TEST(read_stored_task_metadata(*h.store, "h", id).value().status != TaskStatus::completed);
}

// The race as it happens: a worker resumes old completed tasks (load, set
// running, save) on its own handle while prune runs on another. Whatever the
// interleaving, every task the worker saved is stored, running, afterwards.
BOOST_AUTO_TEST_CASE(prune_racing_a_worker_loses_no_task_the_worker_saved)
{
    using namespace agent_engine;
    auto open = conformance_storage();
    auto store = open();
    constexpr int tasks = 1000;
    std::vector<std::string> ids;
    for (int i = 0; i < tasks; ++i) {
        ids.push_back("task-race-" + std::to_string(1000 + i));
        BOOST_REQUIRE(put_document(*store, "race", ids.back(),
                                   conformance::make_task(ids.back(), TaskStatus::completed,
                                                          "2000-01-01T00:00:00.000000Z")));
    }
    std::vector<std::string> saved;
    std::atomic<int> done{0};
    std::thread worker([&, handle = open()] {
        TaskManager tm(handle);
        for (auto const& id : ids) {
            if (tm.load_checkpoint(id) && tm.set_status(id, TaskStatus::running) && tm.save_checkpoint(id))
                saved.push_back(id);
            ++done;
        }
    });
    while (done < tasks / 4) // prune starts with the worker well under way
        std::this_thread::yield();
    auto pruned = prune_tasks(*store, "race", {.older_than = std::chrono::hours(24)});
    worker.join();
    BOOST_REQUIRE(pruned.has_value());
    std::size_t changed = 0;
    for (auto const& e : pruned.value().skipped) {
        BOOST_TEST(e.error_id == "task_changed", e.message);
        ++changed;
    }
    BOOST_TEST_MESSAGE("worker saved " << saved.size() << ", prune removed " << pruned.value().removed.size()
                                       << ", kept " << changed << " saved during its pass");
    std::size_t lost = 0;
    for (auto const& id : saved) {
        auto meta = read_stored_task_metadata(*store, "race", id);
        lost += !meta || meta.value().status != TaskStatus::running;
    }
    BOOST_TEST(lost == 0u);
    BOOST_TEST(saved.size() + pruned.value().removed.size() >= std::size_t(tasks));
}

// A copy writes what the destination lacks, leaves what it holds equal, and
// replaces what it holds otherwise only when told to.
BOOST_AUTO_TEST_CASE(copy_refuses_to_overwrite_a_different_document_unless_told_to)
{
    using namespace agent_engine;
    auto from = make_conformance_store(), to = make_conformance_store();
    BOOST_REQUIRE(from->put("a", "task-a-1", "one"));
    BOOST_REQUIRE(from->put("a", "task-a-2", "two"));
    BOOST_REQUIRE(from->put("b", "task-b-1", "three"));
    BOOST_REQUIRE(to->put("a", "task-a-1", "one"));
    BOOST_REQUIRE(to->put("a", "task-a-2", "other"));
    conformance::ids seen;
    auto copied = copy_documents(*from, *to, {.progress = [&](std::string_view step, std::size_t done, std::size_t total) {
        seen.push_back(std::string(step) + " " + std::to_string(done) + "/" + std::to_string(total));
    }}).value();
    BOOST_TEST(copied.projects == (conformance::ids{"a", "b"}), boost::test_tools::per_element());
    BOOST_TEST(copied.copied == 1u);
    BOOST_TEST(copied.unchanged == 1u);
    BOOST_REQUIRE_EQUAL(copied.refused.size(), 1u);
    BOOST_TEST(copied.refused[0].error_id == "destination_differs");
    BOOST_TEST(copied.refused[0].message == "Kept " + to->location("a", "task-a-2") + ": it differs from " +
                                                from->location("a", "task-a-2") + " (copy with overwrite to replace it)");
    BOOST_TEST(to->get("a", "task-a-2").value() == "other");
    BOOST_TEST(to->get("b", "task-b-1").value() == "three");
    BOOST_TEST(seen == (conformance::ids{"copy 0/3", "copy 1/3", "copy 2/3", "copy 3/3"}), boost::test_tools::per_element());

    auto replaced = copy_documents(*from, *to, {.projects = {"a"}, .overwrite = true}).value();
    BOOST_TEST(replaced.copied == 1u);
    BOOST_TEST(replaced.unchanged == 1u);
    BOOST_TEST(replaced.refused.empty());
    BOOST_TEST(to->get("a", "task-a-2").value() == "two");

    // Projects the source lacks: named, and nothing copied.
    BOOST_REQUIRE(from->put("c", "task-c-1", "four"));
    auto missing = copy_documents(*from, *to, {.projects = {"c", "nope", "zz"}});
    BOOST_TEST(missing.error().code == EngineErrorCode::not_found);
    BOOST_TEST(missing.error().message == "No projects 'nope', 'zz' in the source store");
    BOOST_TEST(copy_documents(*from, *to, {.projects = {"nope"}}).error().message == "No project 'nope' in the source store");
    BOOST_TEST(to->get("c", "task-c-1").error().code == EngineErrorCode::not_found);
}

// A JSON string may hold a NUL (\u0000): the history lists exactly what the
// checkpoint holds, as its own metadata read says.
BOOST_AUTO_TEST_CASE(metadata_holding_a_nul_is_listed_exactly)
{
    using namespace agent_engine;
    auto store = make_conformance_store();
    auto t = conformance::make_task("task-nul-1", TaskStatus::completed, std::string("2025-12-01T00:00:00Z\0x", 22));
    t.pipeline_id = std::string("p\0HIDDEN", 8);
    t.created_at = std::string("\0", 1);
    BOOST_REQUIRE(put_document(*store, "nul", t.task_id, t));
    auto meta = read_stored_task_metadata(*store, "nul", t.task_id).value();
    BOOST_TEST(meta.pipeline_id == t.pipeline_id);
    auto page = list_task_metadata(*store, "nul").value();
    BOOST_REQUIRE_EQUAL(page.tasks.size(), 1u);
    BOOST_TEST(to_json(page.tasks[0]) == to_json(meta));
    auto pruned = prune_tasks(*store, "nul", {.statuses = {TaskStatus::completed}, .dry_run = true}).value();
    BOOST_REQUIRE_EQUAL(pruned.removed.size(), 1u);
    BOOST_TEST(pruned.removed[0].pipeline_id == t.pipeline_id);
}

BOOST_AUTO_TEST_SUITE_END()

#endif
