#ifndef AGENT_ENGINE_TEST_CLI_REPORT_TASKS_HPP
#define AGENT_ENGINE_TEST_CLI_REPORT_TASKS_HPP

// Tasks for the tests of `agent-tasks report`, and what the tests look for in
// pages: a run as an agent engine records one, with a stage of every kind,
// and a task whose every value is markup that would run a script or break the
// page if it were not escaped.

#include <agent_engine/core/error.hpp>
#include <agent_engine/schemas/task.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace report_tasks {

// How many times `what` occurs in `text`.
inline std::size_t count(std::string_view text, std::string_view what)
{
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

inline bool contains(std::string_view text, std::string_view what) { return text.find(what) != std::string_view::npos; }

using agent_engine::StageExecutionRecord;
using agent_engine::Task;

inline StageExecutionRecord stage(std::optional<std::string> started, std::optional<std::string> completed,
                                  boost::json::value output = nullptr)
{
    StageExecutionRecord r;
    r.output = std::move(output);
    r.started_at = std::move(started);
    r.completed_at = std::move(completed);
    return r;
}

// Stage output text with a script that sets the page's title when it runs.
inline const std::string script_in_output = "line one\n</pre><script>document.title='pwned'</script>";

// A research run, still running: five stages done (one failed), one whose
// completion time is unreadable, one running; a routing decision; a failure.
inline Task demo_task()
{
    using namespace agent_engine;
    Task t;
    t.task_id = "task-research-8c1f2a9e0b7d4c3a1e5f6a7b";
    t.spec.task_spec_id = "research";
    t.spec.request = "Summarize the latest findings on retrieval-augmented agents";
    t.status = TaskStatus::running;
    t.pipeline_id = "research-pipeline";
    t.current_stage_id = "summarize";
    t.stage_results.insert_or_assign(
        "plan", stage("2025-12-06T02:45:18.100000Z", "2025-12-06T02:45:19.350000Z",
                      boost::json::object{{"steps", {"search", "read_docs", "summarize"}}, {"model", "planner-v2"}}));
    t.stage_results.insert_or_assign(
        "search", stage("2025-12-06T02:45:19.400000Z", "2025-12-06T02:45:23.900000Z",
                        boost::json::object{{"hits", boost::json::array{{{"url", "https://example.org/a"}, {"score", 0.93}},
                                                                        {{"url", "https://example.org/b"}, {"score", 0.71}}}}}));
    t.stage_results.insert_or_assign("read_docs", stage("2025-12-06T02:45:24.000000Z", "2025-12-06T02:45:31.200000Z",
                                                        boost::json::string(script_in_output)));
    t.stage_results.insert_or_assign("route", stage("2025-12-06T02:45:31.300000Z", "2025-12-06T02:45:31.310000Z",
                                                    boost::json::object{{"condition", "needs_tool"}}));
    auto tool = stage("2025-12-06T02:45:31.400000Z", "2025-12-06T02:45:36.800000Z");
    tool.error = make_error(EngineErrorCode::tool, EngineErrorSource::tool_runtime, "tool_timeout",
                            "Tool 'fetch' timed out after 5 s", {{"tool", "fetch"}, {"attempt", 2}});
    t.stage_results.insert_or_assign("call_tool", std::move(tool));
    t.stage_results.insert_or_assign("retry \"fetch\" <b>", stage("2025-12-06T02:45:37.000000Z", "not-a-time",
                                                                 boost::json::object{{"ok", true}}));
    t.stage_results.insert_or_assign("summarize", stage("2025-12-06T02:45:37.500000Z", std::nullopt));
    for (auto const& [name, rec] : t.stage_results)
        t.routing_trace.push_back({name, name == "route" ? std::optional<std::string>("needs_tool") : std::nullopt,
                                   name == "route" ? std::optional<std::string>("router") : std::nullopt,
                                   rec.completed_at ? rec.completed_at : rec.started_at});
    t.failure_signatures.push_back(
        {FailureCode::timeout, "fetch timed out twice", "call_tool", Severity::error, {{"retries", 2}}});
    t.created_at = "2025-12-06T02:45:18.000000Z";
    t.updated_at = "2025-12-06T02:45:37.500000Z";
    return t;
}

// A task id that is a checkpoint file name (no '/') and breaks out of an
// attribute, adds an element and opens a script.
inline const std::string hostile_id =
    "task-research-\"'><img src=x onerror=document.title='img'><script>document.title='id'";

// A value written with entities, to be shown as written (not as "<script>").
inline const std::string entities = "&lt;script&gt;document.title='entity'&lt;/script&gt;";

// A value that, unescaped in an attribute, would add one to its element.
inline const std::string attribute_breakout = "\" data-injected=yes x=\"";

// A failed task with markup in every value a report shows.
inline Task hostile_task()
{
    using namespace agent_engine;
    const std::string breakout = "\"'></pre></td></table></details><script>document.title='";
    Task t;
    t.task_id = hostile_id;
    t.spec.task_spec_id = "research";
    t.spec.request = breakout + "request'</script>";
    t.status = TaskStatus::failed;
    t.pipeline_id = breakout + "pipeline'</script>";
    t.current_stage_id = breakout + "current'</script>";
    auto rec = stage("2025-12-06T02:45:18.000000Z", "2025-12-06T02:45:19.000000Z",
                     boost::json::object{{"<img src=x onerror=document.title='key'>", script_in_output}});
    rec.error = make_error(EngineErrorCode::agent, EngineErrorSource::agent_runtime, breakout + "id'</script>",
                           breakout + "error'</script>", {{breakout, breakout}});
    t.stage_results.insert_or_assign(breakout + "stage'</script>", std::move(rec));
    t.routing_trace.push_back({breakout + "stage'</script>", breakout + "decision'</script>",
                               breakout + "agent'</script>", breakout + "time'</script>"});
    t.routing_trace.push_back({"entities", entities, "&amp;", attribute_breakout});
    t.failure_signatures.push_back(
        {FailureCode::unknown, breakout + "failure'</script>", breakout + "elsewhere'</script>", Severity::critical,
         {{breakout, breakout}}});
    t.created_at = breakout + "created'</script>";
    t.updated_at = "2025-12-06T02:45:19.000000Z";
    return t;
}

} // namespace report_tasks

#endif
