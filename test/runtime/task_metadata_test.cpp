#include <boost/test/unit_test.hpp>

#include "../schemas/fixtures.hpp"

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/runtime/task_metadata.hpp>
#include <agent_engine/schemas/task.hpp>

using namespace agent_engine;

BOOST_AUTO_TEST_SUITE(task_metadata)

BOOST_AUTO_TEST_CASE(metadata_of_every_fixture_matches_its_task)
{
    for (auto const& file : fixtures::all()) {
        BOOST_TEST_CONTEXT(file)
        {
            std::string bytes = fixtures::read(file);
            auto meta = read_task_metadata(bytes);
            BOOST_REQUIRE(meta.has_value());
            Task task = from_json<Task>(bytes).value();
            BOOST_TEST(meta.value().task_id == task.task_id);
            BOOST_TEST(meta.value().status == task.status);
            BOOST_TEST(meta.value().pipeline_id == task.pipeline_id);
            BOOST_TEST(meta.value().created_at == task.created_at);
            BOOST_TEST(meta.value().updated_at == task.updated_at);
        }
    }
}

// The metadata of a saved layout is read from the two ends of the text; every
// other layout is read whole. Both must give what from_json gives.
BOOST_AUTO_TEST_CASE(any_layout_reads_as_the_whole_text_does)
{
    std::string saved = fixtures::read(fixtures::all().front());
    Task task = from_json<Task>(saved).value();
    std::vector<std::string> layouts = {
        saved,
        to_json(task, json_format::compact()),
        // metadata keys in the middle, at the front, missing, repeated at the ends
        R"({"task_id": "t", "status": "failed", "stage_results": {"s": {"x": "}\"]"}}, "pipeline_id": "p",
            "created_at": null, "updated_at": "u"})",
        R"({"updated_at": "u", "created_at": "c", "task_id": "t", "status": "running", "pipeline_id": "p",
            "routing_trace": [1, {"a": [2]}]})",
        R"({"task_id": "t", "status": "running", "pipeline_id": "p", "x": [], "updated_at": "u"})",
        R"({"status": "failed", "task_id": "t", "status": "running", "pipeline_id": "p", "x": [],
            "created_at": "c", "updated_at": "u1", "updated_at": "u2"})",
        R"({"task_id": "t", "status": "running", "pipeline_id": "p", "x": {}, "n": -1.5e3, "b": true,
            "created_at": "c \" \\", "z": null, "updated_at": "u"}  )",
        R"({"task_id": "t", "status": "running", "pipeline_id": "p", "created_at": "c", "updated_at": "u"})",
    };
    for (auto const& text : layouts) {
        BOOST_TEST_CONTEXT(text)
        {
            auto meta = read_task_metadata(text);
            auto whole = from_json<TaskMetadata>(text);
            BOOST_REQUIRE(meta.has_value());
            BOOST_REQUIRE(whole.has_value());
            BOOST_TEST(to_json(meta.value()) == to_json(whole.value()));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_stage_results_of_a_saved_layout_are_not_read)
{
    // Damage in the middle of a checkpoint: its metadata still lists, its load says what is wrong.
    std::string text = fixtures::read(fixtures::all().front());
    std::size_t middle = text.find("\"started_at\"");
    BOOST_REQUIRE(middle != std::string::npos);
    text.insert(middle, "oops");
    BOOST_TEST(read_task_metadata(text).has_value());
    BOOST_TEST(from_json<Task>(text).error().code == EngineErrorCode::json);

    // What is read is checked: damage at either end is an error with its true line and column.
    std::string bad_head = fixtures::read(fixtures::all().front());
    bad_head.insert(bad_head.find("\"status\""), "oops");
    auto head = read_task_metadata(bad_head);
    BOOST_REQUIRE(!head.has_value());
    BOOST_TEST(head.error().message == from_json<Task>(bad_head).error().message);
    std::string bad_tail = fixtures::read(fixtures::all().front());
    bad_tail.insert(bad_tail.rfind("\"updated_at\""), "oops");
    auto tail = read_task_metadata(bad_tail);
    BOOST_REQUIRE(!tail.has_value());
    BOOST_TEST(tail.error().message == from_json<Task>(bad_tail).error().message);
}

BOOST_AUTO_TEST_CASE(only_top_level_keys_count)
{
    auto meta = read_task_metadata(R"({"spec": {"task_id": "nested", "status": "failed", "x": [[{"status": 1}]]},
        "task\u005fid": "top", "status": "completed", "pipeline_id": "p\n2", "extra": {"pipeline_id": "no"}})");
    BOOST_REQUIRE(meta.has_value());
    BOOST_TEST(meta.value().task_id == "top");
    BOOST_TEST(meta.value().status == TaskStatus::completed);
    BOOST_TEST(meta.value().pipeline_id == "p\n2");
    BOOST_TEST(!meta.value().created_at.has_value());
}

BOOST_AUTO_TEST_CASE(corrupt_json_is_a_json_error_with_line_and_column)
{
    for (std::string_view bad : {"{\n  \"task_id\": \"t\",\n  oops", "{\"task_id\": \"t\"} trailing", "", "{\"a\": [1, 2}",
                                 "\"unterminated"}) {
        BOOST_TEST_CONTEXT(bad)
        {
            auto meta = read_task_metadata(bad);
            BOOST_REQUIRE(!meta.has_value());
            BOOST_TEST(meta.error().code == EngineErrorCode::json);
            BOOST_TEST(meta.error().details->contains("line"));
            BOOST_TEST(meta.error().details->contains("column"));
        }
    }
    auto meta = read_task_metadata("{\n  \"task_id\": \"t\",\n  oops");
    BOOST_TEST(meta.error().details->at("line") == 3);
    BOOST_TEST(meta.error().details->at("column") == 3);
}

BOOST_AUTO_TEST_CASE(deep_nesting_in_skipped_values_is_fine)
{
    auto with_x = [](std::size_t depth) {
        return R"({"task_id": "t", "pipeline_id": "p", "x": )" + std::string(depth, '[') + std::string(depth, ']') + "}";
    };
    BOOST_TEST(read_task_metadata(with_x(max_json_depth - 1)).has_value());
    BOOST_TEST(read_task_metadata(with_x(max_json_depth)).error().code == EngineErrorCode::json);
}

BOOST_AUTO_TEST_CASE(bad_values_are_validation_errors)
{
    auto meta = read_task_metadata(R"({"status": "paused", "pipeline_id": {"a": 1}, "updated_at": 5})");
    BOOST_REQUIRE(!meta.has_value());
    BOOST_TEST(meta.error().code == EngineErrorCode::validation);
    auto const& errors = meta.error().details->at("errors").as_array();
    BOOST_REQUIRE_EQUAL(errors.size(), 4u);
    BOOST_TEST(errors[0].at("loc") == boost::json::array{"task_id"});
    BOOST_TEST(errors[0].at("type") == "missing");
    BOOST_TEST(errors[1].at("type") == "enum");
    BOOST_TEST(errors[2].at("type") == "string_type");
    BOOST_TEST(errors[3].at("loc") == boost::json::array{"updated_at"});

    auto not_object = read_task_metadata("[1, 2]");
    BOOST_TEST(not_object.error().code == EngineErrorCode::validation);
}

BOOST_AUTO_TEST_SUITE_END()
