#include <boost/test/unit_test.hpp>

#include "../schemas/fixtures.hpp"

#include <agent_engine/runtime/file_task_store.hpp>
#include <agent_engine/runtime/task_history.hpp>
#include <agent_engine/schemas/task.hpp>

using namespace agent_engine;
using ids = std::vector<std::string>;

namespace {

// Six tasks of project "h", one updated per day of December 2025.
struct history {
    fixtures::temp_dir tmp{"history"};
    file_task_store store{tmp.path(), {.durable = false}};

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
        Task t;
        t.task_id = id;
        t.spec.task_spec_id = "h";
        t.spec.request = "r";
        t.status = status;
        t.pipeline_id = "p";
        t.updated_at = std::move(updated);
        put_document(store, "h", id, t).value();
    }
};

ids ids_of(const std::vector<TaskMetadata>& tasks)
{
    ids out;
    for (auto const& t : tasks)
        out.push_back(t.task_id);
    return out;
}

std::chrono::system_clock::time_point at(std::string_view ts) { return parse_utc_timestamp(ts).value(); }

} // namespace

BOOST_AUTO_TEST_SUITE(task_history)

BOOST_AUTO_TEST_CASE(newest_first_by_default_and_oldest_first_on_request)
{
    history h;
    BOOST_TEST(ids_of(list_task_metadata(h.store, "h").value().tasks) ==
                   (ids{"task-h-6", "task-h-5", "task-h-4", "task-h-3", "task-h-2", "task-h-1"}),
               boost::test_tools::per_element());
    BOOST_TEST(ids_of(list_task_metadata(h.store, "h", {.order = task_order::oldest_first}).value().tasks) ==
                   (ids{"task-h-1", "task-h-2", "task-h-3", "task-h-4", "task-h-5", "task-h-6"}),
               boost::test_tools::per_element());
    BOOST_TEST(list_task_metadata(h.store, "nobody").value().tasks.empty());
}

BOOST_AUTO_TEST_CASE(filters_by_status_and_time_window)
{
    history h;
    auto completed = list_task_metadata(h.store, "h", {.statuses = {TaskStatus::completed}});
    BOOST_TEST(ids_of(completed.value().tasks) == (ids{"task-h-6", "task-h-4", "task-h-1"}), boost::test_tools::per_element());
    auto running = list_task_metadata(h.store, "h", {.statuses = {TaskStatus::running, TaskStatus::pending}});
    BOOST_TEST(ids_of(running.value().tasks) == (ids{"task-h-5", "task-h-3"}), boost::test_tools::per_element());
    auto window = list_task_metadata(h.store, "h",
                                     {.updated_after = "2025-12-02T00:00:00Z", .updated_before = "2025-12-05T00:00:00+00:00"});
    BOOST_TEST(ids_of(window.value().tasks) == (ids{"task-h-4", "task-h-3"}), boost::test_tools::per_element());
    auto bad = list_task_metadata(h.store, "h", {.updated_after = "yesterday"});
    BOOST_TEST(bad.error().code == EngineErrorCode::validation);
}

BOOST_AUTO_TEST_CASE(paging_with_a_cursor_visits_every_task_once)
{
    history h;
    h.add("task-h-0", TaskStatus::completed, "2025-12-04T00:00:00.000000Z"); // same time as task-h-4
    for (auto order : {task_order::newest_first, task_order::oldest_first}) {
        task_query q{.order = order, .limit = 2};
        ids seen;
        int pages = 0;
        for (;;) {
            auto page = list_task_metadata(h.store, "h", q).value();
            ++pages;
            BOOST_TEST(page.tasks.size() <= 2u);
            for (auto& id : ids_of(page.tasks))
                seen.push_back(id);
            if (page.next_cursor.empty())
                break;
            q.cursor = page.next_cursor;
        }
        BOOST_TEST(pages == 4); // 2 + 2 + 2 + 1
        ids all = ids_of(list_task_metadata(h.store, "h", {.order = order}).value().tasks);
        BOOST_TEST(seen == all, boost::test_tools::per_element());
    }
    BOOST_TEST(list_task_metadata(h.store, "h", {.cursor = "garbage"}).error().code == EngineErrorCode::validation);
}

BOOST_AUTO_TEST_CASE(a_limit_that_fits_exactly_has_no_next_page)
{
    history h;
    auto page = list_task_metadata(h.store, "h", {.statuses = {TaskStatus::completed}, .limit = 3}).value();
    BOOST_TEST(page.tasks.size() == 3u);
    BOOST_TEST(page.next_cursor.empty());
}

BOOST_AUTO_TEST_CASE(unreadable_checkpoints_are_skipped_and_reported)
{
    history h;
    fixtures::write(h.tmp.path() / "h" / "task-h-bad.json", "{\"task_id\": ");
    auto page = list_task_metadata(h.store, "h").value();
    BOOST_TEST(page.tasks.size() == 6u);
    BOOST_REQUIRE_EQUAL(page.skipped.size(), 1u);
    BOOST_TEST(page.skipped[0].code == EngineErrorCode::json);
    BOOST_TEST(fixtures::detail(page.skipped[0], "path") == (h.tmp.path() / "h" / "task-h-bad.json").string());
}

BOOST_AUTO_TEST_CASE(prune_dry_run_reports_and_removes_nothing)
{
    history h;
    auto dry = prune_tasks(h.store, "h", {.older_than = std::chrono::hours(24 * 3), .dry_run = true},
                           at("2025-12-07T12:00:00Z"));
    BOOST_TEST(dry.value().dry_run);
    // Older than 2025-12-04T12:00 and terminal: 1 (completed), 2 (failed), 4 (completed); 3 is running.
    BOOST_TEST(ids_of(dry.value().removed) == (ids{"task-h-1", "task-h-2", "task-h-4"}), boost::test_tools::per_element());
    BOOST_TEST(h.store.list("h").value().size() == 6u);
}

BOOST_AUTO_TEST_CASE(prune_removes_matching_tasks)
{
    history h;
    h.add("task-h-untimed", TaskStatus::completed, std::nullopt);
    auto pruned = prune_tasks(h.store, "h", {.older_than = std::chrono::hours(24 * 3)}, at("2025-12-07T12:00:00Z"));
    BOOST_TEST(!pruned.value().dry_run);
    BOOST_TEST(ids_of(pruned.value().removed) == (ids{"task-h-1", "task-h-2", "task-h-4"}), boost::test_tools::per_element());
    BOOST_TEST(h.store.list("h").value() == (ids{"task-h-3", "task-h-5", "task-h-6", "task-h-untimed"}),
               boost::test_tools::per_element());

    auto by_status = prune_tasks(h.store, "h", {.statuses = {TaskStatus::running}}, at("2025-12-07T12:00:00Z"));
    BOOST_TEST(ids_of(by_status.value().removed) == ids{"task-h-3"}, boost::test_tools::per_element());
    BOOST_TEST(prune_tasks(h.store, "h", {}).error().code == EngineErrorCode::validation);
    BOOST_TEST(prune_tasks(h.store, "..", {.statuses = {TaskStatus::failed}}).error().code == EngineErrorCode::security);
}

// An age beyond what system_clock's nanoseconds hold (~292 years) reaches back
// before 1970: nothing is that old. It once overflowed into a future cutoff.
BOOST_AUTO_TEST_CASE(prune_by_an_age_longer_than_the_clock_removes_nothing)
{
    history h;
    for (auto age : {parse_duration("20000w").value(), std::chrono::seconds(std::numeric_limits<std::int64_t>::max())}) {
        auto pruned = prune_tasks(h.store, "h", {.older_than = age}, at("2025-12-07T12:00:00Z"));
        BOOST_TEST(pruned.value().removed.empty());
    }
    BOOST_TEST(h.store.list("h").value().size() == 6u);
}

BOOST_AUTO_TEST_CASE(durations)
{
    BOOST_TEST(parse_duration("7d").value() == std::chrono::hours(24 * 7));
    BOOST_TEST(parse_duration("12h").value() == std::chrono::hours(12));
    BOOST_TEST(parse_duration("90s").value() == std::chrono::seconds(90));
    BOOST_TEST(parse_duration("15m").value() == std::chrono::minutes(15));
    BOOST_TEST(parse_duration("2w").value() == std::chrono::hours(24 * 14));
    BOOST_TEST(!parse_duration("7").has_value());
    BOOST_TEST(!parse_duration("d").has_value());
    BOOST_TEST(!parse_duration("-1d").has_value());
    BOOST_TEST(!parse_duration("7dd").has_value());
    BOOST_TEST(!parse_duration("99999999999999999999d").has_value());
}

BOOST_AUTO_TEST_CASE(timestamps)
{
    BOOST_TEST(format_utc_timestamp(parse_utc_timestamp("2025-12-06T02:45:18.337698Z").value()) ==
               "2025-12-06T02:45:18.337698Z");
    BOOST_TEST(format_utc_timestamp(parse_utc_timestamp("2025-12-06T04:45:18.5+02:00").value()) ==
               "2025-12-06T02:45:18.500000Z");
    BOOST_TEST(!parse_utc_timestamp("2025-02-30T00:00:00Z").has_value());
    BOOST_TEST(!parse_utc_timestamp("2025-12-06T02:45:18.Z").has_value());
    BOOST_TEST(!parse_utc_timestamp("2025-12-06").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
