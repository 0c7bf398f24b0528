// The HTML report's renderer, without a browser: escaping, the size bounds,
// times and durations, and pages that survive missing or unreadable times.
#define BOOST_TEST_MODULE cli_report_render
#include <boost/test/unit_test.hpp>

#include "report_tasks.hpp"
#include "task_report.hpp"

#include <agent_engine/core/conversion.hpp>

#include <string>
#include <string_view>

using agent_engine::Task;
using report_tasks::contains;
using report_tasks::count;
using agent_tasks::render_task_report;
using agent_tasks::report_limits;

namespace {

// The text of the first <pre> after `after`.
std::string_view pre_after(std::string_view page, std::string_view after)
{
    std::size_t start = page.find('>', page.find("<pre", page.find(after))) + 1;
    return page.substr(start, page.find("</pre>", start) - start);
}

// A task with one stage per record, named s1, s2, ...
Task task_of(std::vector<agent_engine::StageExecutionRecord> records)
{
    Task t;
    t.task_id = "task-p-1";
    t.pipeline_id = "p";
    t.status = agent_engine::TaskStatus::completed;
    for (std::size_t i = 0; i < records.size(); ++i)
        t.stage_results.insert_or_assign("s" + std::to_string(i + 1), std::move(records[i]));
    return t;
}

} // namespace

BOOST_AUTO_TEST_CASE(markup_in_any_value_stays_text)
{
    std::string page = render_task_report(report_tasks::hostile_task());
    // The page's own script is the only one; no element or attribute came from the data.
    BOOST_TEST(count(page, "<script") == 1u);
    BOOST_TEST(contains(page, "<script nonce=\""));
    BOOST_TEST(!contains(page, "<img"));
    BOOST_TEST(!contains(page, "\"'>"));
    BOOST_TEST(count(page, "<pre") == count(page, "</pre>"));
    BOOST_TEST(count(page, "<table") == count(page, "</table>"));
    BOOST_TEST(count(page, "<details") == count(page, "</details>"));
    // Each value is there, as text.
    for (auto what : {"request", "pipeline", "current", "id", "error", "stage", "decision", "agent", "failure",
                      "elsewhere", "created", "time"})
        BOOST_TEST(contains(page, "&quot;&#39;&gt;&lt;/pre&gt;&lt;/td&gt;&lt;/table&gt;&lt;/details&gt;&lt;script&gt;"
                                  "document.title=&#39;" + std::string(what) + "&#39;&lt;/script&gt;"),
                   what);
    BOOST_TEST(contains(page, "&lt;img src=x onerror=document.title=&#39;img&#39;&gt;")); // the id
    BOOST_TEST(contains(page, "<td>&amp;lt;script&amp;gt;document.title=&#39;entity&#39;&amp;lt;/script&amp;gt;</td>"));
    BOOST_TEST(contains(page, "line one\\n&lt;/pre&gt;&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
    // The unreadable creation time is shown as "-", its text in a tooltip.
    BOOST_TEST(contains(page, "<span class=\"bad-time\" title=\"not a timestamp: &quot;&#39;&gt;&lt;/pre&gt;"));
}

BOOST_AUTO_TEST_CASE(the_policy_lets_only_the_page_script_run_and_loads_nothing)
{
    std::string page = render_task_report(report_tasks::demo_task());
    std::size_t at = page.find("script-src 'nonce-");
    BOOST_REQUIRE(at != std::string::npos);
    std::string nonce = page.substr(at + 18, page.find('\'', at + 18) - at - 18);
    BOOST_TEST(nonce.size() == 32u);
    BOOST_TEST(contains(page, "<script nonce=\"" + nonce + "\">"));
    BOOST_TEST(contains(page, "content=\"default-src 'none'; "));
    BOOST_TEST(!contains(page, "<link"));
    BOOST_TEST(!contains(page, "src="));
    BOOST_TEST(render_task_report(report_tasks::demo_task()).find(nonce) == std::string::npos); // a new one each time
}

BOOST_AUTO_TEST_CASE(controls_and_bytes_that_are_not_utf8_show_as_escapes)
{
    Task t = task_of({});
    t.pipeline_id = "a\u202eb\x1b[31mc\xff\nd\u2028e";
    std::string page = render_task_report(t);
    BOOST_TEST(contains(page, "a\\u202eb\\x1b[31mc\\xff\\nd\\u2028e"));
    BOOST_TEST(!contains(page, "\u202e"));
    BOOST_TEST(!contains(page, "\x1b"));
    BOOST_TEST(!contains(page, "\xff"));
    BOOST_TEST(!contains(page, "\u2028"));
}

BOOST_AUTO_TEST_CASE(a_100_mib_output_is_cut_at_64_kib_with_a_note)
{
    std::string huge(100 << 20, 'x');
    huge.replace(huge.size() - 4, 4, "TAIL");
    std::string page = render_task_report(task_of({report_tasks::stage({}, {}, boost::json::string(huge))}));
    BOOST_TEST(pre_after(page, "id=\"stage-1\"") == std::string(64 * 1024, 'x'));
    BOOST_TEST(!contains(page, "TAIL"));
    BOOST_TEST(contains(page, "Cut: the first 64.0 KiB of 100.0 MiB shown; a report shows at most 64.0 KiB of a value."));
    BOOST_TEST(page.size() < 100u * 1024);
}

BOOST_AUTO_TEST_CASE(json_is_pretty_printed_and_cut_at_the_bound)
{
    boost::json::array numbers;
    for (int i = 0; i < 1000; ++i)
        numbers.push_back(i);
    std::string pretty = agent_engine::serialize(numbers, agent_engine::json_format::pretty());
    std::string page = render_task_report(task_of({report_tasks::stage({}, {}, numbers)}), {.value_bytes = 1000});
    BOOST_TEST(pre_after(page, "id=\"stage-1\"") == pretty.substr(0, 1000));
    BOOST_TEST(pretty.size() == 6892u);
    BOOST_TEST(contains(page, "Cut: the first 1000 B of 6.7 KiB shown"));

    std::string whole = render_task_report(task_of({report_tasks::stage({}, {}, numbers)}));
    BOOST_TEST(pre_after(whole, "id=\"stage-1\"") == pretty);
    BOOST_TEST(!contains(whole, "class=\"cut\""));
}

BOOST_AUTO_TEST_CASE(a_cut_never_splits_a_character)
{
    std::string page =
        render_task_report(task_of({report_tasks::stage({}, {}, boost::json::string("\u00e9\u00e9\u00e9"))}),
                           {.value_bytes = 5});
    BOOST_TEST(pre_after(page, "id=\"stage-1\"") == "\u00e9\u00e9");
}

BOOST_AUTO_TEST_CASE(a_page_shows_at_most_page_bytes_of_the_checkpoint)
{
    std::vector<agent_engine::StageExecutionRecord> records;
    for (int i = 0; i < 5; ++i)
        records.push_back(report_tasks::stage({}, {}, boost::json::string(std::string(1000, 'x'))));
    report_limits limits{.value_bytes = 1000, .name_bytes = 100, .page_bytes = 2800};
    std::string page = render_task_report(task_of(records), limits);
    // Names take a few bytes of the budget, then two outputs whole, the third in part.
    BOOST_TEST(pre_after(page, "id=\"stage-1\"") == std::string(1000, 'x'));
    BOOST_TEST(pre_after(page, "id=\"stage-2\"") == std::string(1000, 'x'));
    BOOST_TEST(count(page, "Cut short: this page already shows 2.7 KiB of the checkpoint") == 1u);
    BOOST_TEST(count(page, "Not shown: this page already shows 2.7 KiB of the checkpoint") == 2u);
    BOOST_TEST(pre_after(page, "id=\"stage-3\"").size() < 1000u);
}

BOOST_AUTO_TEST_CASE(long_names_end_in_an_ellipsis)
{
    Task t = task_of({});
    t.pipeline_id = std::string(5000, 'p');
    std::string page = render_task_report(t, {.name_bytes = 100});
    BOOST_TEST(contains(page, std::string(100, 'p') + "\u2026"));
    BOOST_TEST(!contains(page, std::string(101, 'p')));
}

BOOST_AUTO_TEST_CASE(missing_and_unreadable_times_leave_the_page_whole)
{
    Task t = task_of({
        report_tasks::stage("2025-12-06T02:45:18Z", "2025-12-06T02:45:20.500000Z"), // a bar
        report_tasks::stage(std::nullopt, "yesterday"),                             // no time at all
        report_tasks::stage("2025-12-06T02:45:19Z", std::nullopt),                  // never completed
        report_tasks::stage("2025-12-06T02:45:21Z", "2025-12-06T02:45:19Z"),        // ends before it starts
    });
    t.created_at = "soon";
    std::string page = render_task_report(t);
    BOOST_TEST(count(page, "class=\"g-bar\"") == 1u);
    BOOST_TEST(count(page, "class=\"g-mark\"") == 2u);
    BOOST_TEST(contains(page, "title=\"no readable end time\""));
    BOOST_TEST(contains(page, "title=\"ends before it starts\""));
    BOOST_TEST(count(page, "no readable start or end time") == 1u);
    BOOST_TEST(contains(page, "title=\"not a timestamp: yesterday\">-</span>"));
    BOOST_TEST(contains(page, "title=\"not a timestamp: soon\">-</span>"));
    BOOST_TEST(contains(page, "<span class=\"g-dur\">2.50 s</span>"));
    BOOST_TEST(count(page, "<span class=\"g-dur\">-</span>") == 3u);
    // Completed when a completion is recorded, readable or not; the task is over, so stage 3 never will.
    BOOST_TEST(contains(page, "<dd>4 \u00b7 3 completed \u00b7 1 unfinished</dd>"));
    BOOST_TEST(page.ends_with("</html>\n"));

    Task untimed = task_of({report_tasks::stage({}, {})});
    BOOST_TEST(contains(render_task_report(untimed), "No stage has a readable start or end time."));
}

BOOST_AUTO_TEST_CASE(times_are_shown_in_utc)
{
    Task t = task_of({});
    t.created_at = "2025-12-06T03:45:28+01:00";
    t.updated_at = "2025-12-06T02:45:28.5";
    std::string page = render_task_report(t);
    BOOST_TEST(contains(page, "<time datetime=\"2025-12-06T02:45:28.000000Z\">2025-12-06 02:45:28.000000Z</time>"));
    BOOST_TEST(contains(page, "<time datetime=\"2025-12-06T02:45:28.500000Z\">2025-12-06 02:45:28.500000Z</time>"));
    BOOST_TEST(contains(page, "<dt>Elapsed (created to updated)</dt><dd>500 ms</dd>"));
}

BOOST_AUTO_TEST_CASE(stages_show_their_status_and_duration)
{
    std::string page = render_task_report(report_tasks::demo_task());
    for (auto [row, state, duration] : std::initializer_list<std::tuple<int, const char*, const char*>>{
             {1, "completed", "1.25 s"},
             {4, "completed", "10.0 ms"},
             {5, "failed", "5.40 s"},
             {6, "completed", "-"},
             {7, "running", "running"}}) {
        std::string id = "id=\"stage-" + std::to_string(row) + "\"";
        std::string_view head = std::string_view(page).substr(page.find(id) - 40, 400);
        BOOST_TEST(contains(head, "class=\"stage st-" + std::string(state) + "\""), row);
        BOOST_TEST(contains(head, "<span class=\"dur\">" + std::string(duration) + "</span>"), row);
    }
    BOOST_TEST(contains(page, "7 \u00b7 5 completed \u00b7 1 failed \u00b7 1 running"));
    BOOST_TEST(contains(page, "tool error <span class=\"eid\">tool_timeout</span>"));
    BOOST_TEST(contains(page, "<td><a class=\"id\" href=\"#stage-4\">route</a></td><td>needs_tool</td>"));
    BOOST_TEST(contains(page, "<span class=\"badge st-failed\">timeout</span>"));
    // The axis: ticks every 5 s over the 19.4 s the stages span.
    BOOST_TEST(contains(page, ">0</span><span style=\"left:25.773%\">+5.00 s</span>"));
    BOOST_TEST(contains(page, ">+15.0 s</span></div>"));
}

BOOST_AUTO_TEST_CASE(durations_read_at_any_scale)
{
    auto duration_of = [](const char* start, const char* end) {
        std::string page = render_task_report(task_of({report_tasks::stage(start, end)}));
        std::size_t at = page.find("<span class=\"g-dur\">", page.find("class=\"g-row")) + 20;
        return page.substr(at, page.find('<', at) - at);
    };
    BOOST_TEST(duration_of("2025-12-06T00:00:00Z", "2025-12-06T00:00:00.000850Z") == "850 \u00b5s");
    BOOST_TEST(duration_of("2025-12-06T00:00:00Z", "2025-12-06T00:00:00.250Z") == "250 ms");
    BOOST_TEST(duration_of("2025-12-06T00:00:00Z", "2025-12-06T00:02:05Z") == "2 min 05 s");
    BOOST_TEST(duration_of("2025-12-06T00:00:00Z", "2025-12-06T01:02:00Z") == "1 h 02 min");
    BOOST_TEST(duration_of("2025-12-06T00:00:00Z", "2025-12-09T04:00:00Z") == "3 d 04 h");
}

BOOST_AUTO_TEST_CASE(the_index_links_each_report_by_an_encoded_name)
{
    using agent_tasks::index_entry;
    auto meta = [](std::string id, agent_engine::TaskStatus status) {
        return agent_engine::TaskMetadata{std::move(id), status, "p", "2025-12-06T02:45:18Z", "bad time"};
    };
    std::vector<index_entry> entries;
    entries.push_back({meta(report_tasks::hostile_id, agent_engine::TaskStatus::failed),
                       agent_tasks::report_file_name(report_tasks::hostile_id), {}});
    entries.push_back({meta("javascript:document.title='x'", agent_engine::TaskStatus::completed),
                       agent_tasks::report_file_name("javascript:document.title='x'"), {}});
    entries.push_back({meta("task-research-gone", agent_engine::TaskStatus::running), "",
                       agent_engine::make_error(agent_engine::EngineErrorCode::json, agent_engine::EngineErrorSource::runtime,
                                                "bad", "Invalid JSON <b>here</b>")});
    auto unreadable = agent_engine::make_error(agent_engine::EngineErrorCode::json,
                                               agent_engine::EngineErrorSource::runtime, "bad", "<script>x</script>");
    std::string page = agent_tasks::render_project_index("re<search>", entries, {unreadable});

    BOOST_TEST(count(page, "<script") == 1u);
    BOOST_TEST(!contains(page, "<img"));
    BOOST_TEST(contains(page, "<a href=\"./task-research-%22%27%3E%3Cimg%20src%3Dx%20onerror%3Ddocument.title%3D%27img"
                              "%27%3E%3Cscript%3Edocument.title%3D%27id%27.html\">task-research-&quot;&#39;&gt;&lt;img"));
    BOOST_TEST(contains(page, "<a href=\"./javascript%3Adocument.title%3D%27x%27.html\">"));
    BOOST_TEST(contains(page, "task-research-gone<div class=\"cut\">No report: Invalid JSON &lt;b&gt;here&lt;/b&gt;</div>"));
    BOOST_TEST(contains(page, "&lt;script&gt;x&lt;/script&gt;"));
    BOOST_TEST(contains(page, "<h1><span class=\"id\">re&lt;search&gt;</span></h1>"));
    BOOST_TEST(contains(page, "3 tasks, newest first \u00b7 1 completed \u00b7 1 failed \u00b7 1 running"));
    // In the order given.
    BOOST_TEST(page.find("data-status=\"failed\"") < page.find("data-status=\"completed\""));
    BOOST_TEST(page.find("data-status=\"completed\"") < page.find("data-status=\"running\""));
    BOOST_TEST(count(page, "title=\"not a timestamp: bad time\">-</span>") == 3u);
}
