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
    std::string deep = R"({"task_id": "t", "pipeline_id": "p", "x": )" + std::string(5000, '[') + std::string(5000, ']') + "}";
    BOOST_TEST(read_task_metadata(deep).has_value());
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
