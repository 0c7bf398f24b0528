#define BOOST_TEST_MODULE schemas_task
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/schemas/task.hpp>

using namespace agent_engine;

namespace {

std::vector<std::string> error_locs(const EngineError& e)
{
    std::vector<std::string> locs;
    for (auto const& err : e.details->at("errors").get_array()) {
        std::string loc;
        for (auto const& part : err.at("loc").get_array())
            loc += (loc.empty() ? "" : ".") +
                   (part.is_string() ? std::string(part.get_string()) : std::to_string(part.to_number<int>()));
        locs.push_back(loc + ":" + std::string(err.at("type").get_string()));
    }
    return locs;
}

} // namespace

BOOST_AUTO_TEST_CASE(every_python_fixture_round_trips_byte_for_byte)
{
    auto files = fixtures::all();
    BOOST_REQUIRE_EQUAL(files.size(), 4u);
    for (auto const& file : files) {
        BOOST_TEST_CONTEXT(file)
        {
            std::string bytes = fixtures::read(file);
            auto task = from_json<Task>(bytes);
            BOOST_REQUIRE(task.has_value());
            BOOST_TEST(to_json(task.value()) == bytes);
            BOOST_TEST(task.value().task_id == file.stem().string());
        }
    }
}

BOOST_AUTO_TEST_CASE(stage_results_keep_the_order_the_stages_ran)
{
    auto task = from_json<Task>(fixtures::read(fixtures::root() / "test_spec" / "task-test_spec-5de8bb8e.json"));
    BOOST_REQUIRE(task.has_value());
    std::vector<std::string> keys;
    for (auto const& [k, v] : task.value().stage_results)
        keys.push_back(k);
    std::vector<std::string> expected{"transform_1", "decision_1", "left_branch", "merge_1"};
    BOOST_TEST(keys == expected, boost::test_tools::per_element());
    BOOST_TEST(task.value().stage_results.find("transform_1")->second.output.is_null());
    BOOST_TEST(task.value().stage_results.find("decision_1")->second.output.at("condition") == "left");
    BOOST_TEST(task.value().status == TaskStatus::running);
}

BOOST_AUTO_TEST_CASE(missing_fields_take_the_python_defaults)
{
    auto task = from_json<Task>(R"({"task_id": "t", "spec": {"task_spec_id": "s", "request": "r"}, "pipeline_id": "p"})");
    BOOST_REQUIRE(task.has_value());
    BOOST_TEST(to_json(task.value(), json_format::compact()) ==
               R"({"task_id":"t","spec":{"task_spec_id":"s","request":"r","mode":"analysis_only","priority":"normal",)"
               R"("hints":[],"files":[],"overrides":[],"metadata":{}},"status":"pending","pipeline_id":"p",)"
               R"("current_stage_id":null,"stage_results":{},"routing_trace":[],"failure_signatures":[],)"
               R"("context_fingerprint":null,"created_at":null,"updated_at":null})");
}

BOOST_AUTO_TEST_CASE(required_fields_are_reported_in_declaration_order)
{
    auto task = from_json<Task>(R"({"status": "paused", "spec": {"mode": "implement"}})");
    BOOST_REQUIRE(!task.has_value());
    BOOST_TEST(task.error().code == EngineErrorCode::validation);
    std::vector<std::string> expected{"task_id:missing", "spec.task_spec_id:missing", "spec.request:missing",
                                      "status:enum", "pipeline_id:missing"};
    BOOST_TEST(error_locs(task.error()) == expected, boost::test_tools::per_element());
    BOOST_TEST(task.error().message.starts_with("5 validation errors for Task\ntask_id\n  Field required"));
}

BOOST_AUTO_TEST_CASE(nested_schemas_round_trip_with_every_field_set)
{
    Task t;
    t.task_id = "task-x-1";
    t.spec = {"x", "go", TaskMode::dry_run, TaskPriority::high, {"h"}, {"a.cpp"}, {"o"}, {{"k", 1}}, {}};
    t.status = TaskStatus::failed;
    t.pipeline_id = "p";
    StageExecutionRecord rec;
    rec.output = boost::json::array{1, "two", nullptr};
    rec.error = make_error(EngineErrorCode::tool, EngineErrorSource::tool_runtime, "tool_failed", "boom",
                           {{"exit", 3}});
    rec.started_at = "2025-12-06T02:45:18.337698Z";
    t.stage_results.insert_or_assign("z_stage", rec);
    t.stage_results.insert_or_assign("a_stage", StageExecutionRecord{});
    t.routing_trace.push_back({"z_stage", "retry", "agent-1", "2025-12-06T02:45:18.337698Z"});
    t.failure_signatures.push_back({FailureCode::timeout, "slow", "z_stage", Severity::critical, {{"s", 30}}});
    t.context_fingerprint = ContextFingerprint{"task-x-1", {"f"}, {"tag"}, "fast", 0.5, "abc"};

    std::string text = to_json(t);
    auto back = from_json<Task>(text);
    BOOST_REQUIRE(back.has_value());
    BOOST_TEST(to_json(back.value()) == text);
    BOOST_TEST(back.value().stage_results.begin()->first == "z_stage");
    BOOST_TEST(back.value().stage_results.find("z_stage")->second.error.value().details->at("exit") == 3);
    BOOST_TEST(back.value().context_fingerprint.value().approx_complexity.value() == 0.5);
    BOOST_TEST(to_dict(back.value().failure_signatures[0]) ==
               parse_json(R"({"code":"timeout","message":"slow","stage_id":"z_stage","severity":"critical","metadata":{"s":30}})").value());
}

BOOST_AUTO_TEST_CASE(terminal_statuses)
{
    BOOST_TEST(!is_terminal(TaskStatus::pending));
    BOOST_TEST(!is_terminal(TaskStatus::running));
    BOOST_TEST(is_terminal(TaskStatus::completed));
    BOOST_TEST(is_terminal(TaskStatus::failed));
}
