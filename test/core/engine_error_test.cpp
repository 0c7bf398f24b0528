// EngineError, the one error type, and Result<T>: what a failed read returns,
// how .value() and BOOST_OUTCOME_TRY behave on it, and EngineError's own JSON.
#define BOOST_TEST_MODULE core_engine_error
#include "test_support.hpp"

#include <string>

using agent_engine::EngineError;
using agent_engine::EngineErrorCode;
using agent_engine::EngineErrorSource;
using agent_engine::Result;
using agent_engine::Severity;
using test_support::failure;

namespace company::billing::v2 {

struct Invoice {
    std::string id;
    int total = 0;
};
BOOST_DESCRIBE_STRUCT(Invoice, (), (id, total))
AGENT_ENGINE_REQUIRED(Invoice, id)

} // namespace company::billing::v2

// Result<EngineError> cannot exist (Outcome needs the value and error types to
// differ): a stored error is read with the out-parameter form, or as a member.
struct StoredError {
    EngineError error;
};
BOOST_DESCRIBE_STRUCT(StoredError, (), (error))

namespace {

using company::billing::v2::Invoice;

// Reads an invoice and doubles its total; a failed read propagates unchanged.
Result<int> doubled_total(std::string_view text)
{
    BOOST_OUTCOME_TRY(auto invoice, agent_engine::from_json<Invoice>(text));
    return invoice.total * 2;
}

// Two levels of propagation, through a Result<void>.
Result<void> check_positive(std::string_view text)
{
    BOOST_OUTCOME_TRY(auto total, doubled_total(text));
    if (total <= 0)
        return agent_engine::make_error(EngineErrorCode::validation, EngineErrorSource::runtime, "not_positive",
                                         "total must be positive");
    return boost::outcome_v2::success();
}

} // namespace

BOOST_AUTO_TEST_CASE(a_validation_failure_is_an_engine_error_titled_by_the_type)
{
    EngineError e = failure<Invoice>(R"({"total": "x"})");
    BOOST_TEST((e.code == EngineErrorCode::validation));
    BOOST_TEST((e.source == EngineErrorSource::json_engine));
    BOOST_TEST((e.severity == Severity::error));
    BOOST_TEST(e.error_id == "validation_failed");
    BOOST_TEST(!e.stage_id.has_value());
    BOOST_TEST(!e.task_id.has_value());
    BOOST_TEST(!e.timestamp.has_value());
    // namespaces stripped: pydantic titles a model by its class name
    BOOST_TEST(e.details->at("title") == "Invoice");
    BOOST_TEST(e.details->size() == 3u); // title, errors and their count, nothing else
    BOOST_TEST(e.details->at("error_count") == 2);
    BOOST_TEST(test_support::compact(e.details->at("errors")) ==
               R"([{"type":"missing","loc":["id"],"msg":"Field required","input":{"total":"x"}},)"
               R"({"type":"int_parsing","loc":["total"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"}])");
    // one error: singular, and no trailing newline
    EngineError one = failure<Invoice>("{}");
    BOOST_TEST(one.message == "1 validation error for Invoice\n"
                              "id\n"
                              "  Field required [type=missing, input_value={}, input_type=dict]");
}

BOOST_AUTO_TEST_CASE(value_on_a_failed_result_throws_bad_result_access_with_the_error)
{
    Result<Invoice> r = agent_engine::from_json<Invoice>("{}");
    BOOST_REQUIRE(!r);
    BOOST_CHECK_EXCEPTION(r.value(), boost::outcome_v2::bad_result_access_with<EngineError>,
                          [](const boost::outcome_v2::bad_result_access_with<EngineError>& ex) {
                              return ex.error().error_id == "validation_failed" &&
                                     ex.error().message.rfind("1 validation error for Invoice\n", 0) == 0;
                          });
    // a successful result gives its value, and has no error
    Result<Invoice> ok = agent_engine::from_json<Invoice>(R"({"id": "i", "total": 2})");
    BOOST_REQUIRE(ok.has_value());
    BOOST_TEST(ok.value().total == 2);
    BOOST_TEST(!ok.has_error());
}

BOOST_AUTO_TEST_CASE(boost_outcome_try_propagates_the_error_unchanged)
{
    auto good = doubled_total(R"({"id": "i", "total": 21})");
    BOOST_REQUIRE(good.has_value());
    BOOST_TEST(good.value() == 42);

    auto bad = doubled_total(R"({"total": 1.5})");
    BOOST_REQUIRE(bad.has_error());
    BOOST_TEST(bad.error().message == failure<Invoice>(R"({"total": 1.5})").message);

    auto syntax = doubled_total(R"({"id": )");
    BOOST_REQUIRE(syntax.has_error());
    BOOST_TEST((syntax.error().code == EngineErrorCode::json));

    BOOST_TEST(check_positive(R"({"id": "i", "total": 1})").has_value());
    auto negative = check_positive(R"({"id": "i", "total": -1})");
    BOOST_REQUIRE(negative.has_error());
    BOOST_TEST(negative.error().error_id == "not_positive");
    BOOST_TEST(!negative.error().details.has_value()); // make_error omits empty details
    auto missing = check_positive("{}");
    BOOST_REQUIRE(missing.has_error());
    BOOST_TEST(missing.error().error_id == "validation_failed");
}

// EngineError is itself a schema with the Python original's JSON shape.
BOOST_AUTO_TEST_CASE(engine_error_has_the_python_shape_and_round_trips)
{
    EngineError e = agent_engine::make_error(EngineErrorCode::not_found, EngineErrorSource::task_manager, "E42",
                                             "no such task", {{"task", "t1"}});
    e.task_id = "t1";
    BOOST_TEST(test_support::written(e) ==
               R"({"error_id":"E42","code":"not_found","message":"no such task","source":"task_manager",)"
               R"("severity":"error","details":{"task":"t1"},"stage_id":null,"task_id":"t1","timestamp":null})");
    EngineError back;
    Result<void> read = agent_engine::from_json(agent_engine::to_json(e), back);
    BOOST_REQUIRE(read.has_value());
    BOOST_TEST(agent_engine::to_json(back) == agent_engine::to_json(e));
    auto stored = test_support::read<StoredError>(R"({"error": )" + agent_engine::to_json(e) + "}");
    BOOST_TEST(agent_engine::to_json(stored.error) == agent_engine::to_json(e));

    // error_id, code, message and source are required; the rest have defaults
    BOOST_TEST(test_support::errors_of<StoredError>(R"({"error": {"code": "nope", "severity": "warning"}})") ==
               R"([{"type":"missing","loc":["error","error_id"],"msg":"Field required","input":{"code":"nope","severity":"warning"}},)"
               R"({"type":"enum","loc":["error","code"],"msg":"Input should be 'validation', 'routing', 'tool', 'agent', 'json', 'security', 'io', 'not_found' or 'unknown'","input":"nope","ctx":{"expected":"'validation', 'routing', 'tool', 'agent', 'json', 'security', 'io', 'not_found' or 'unknown'"}},)"
               R"({"type":"missing","loc":["error","message"],"msg":"Field required","input":{"code":"nope","severity":"warning"}},)"
               R"({"type":"missing","loc":["error","source"],"msg":"Field required","input":{"code":"nope","severity":"warning"}}])");
}

// A validation failure itself serializes: its details carry the errors array.
BOOST_AUTO_TEST_CASE(a_validation_error_serializes_with_its_errors)
{
    EngineError e = failure<Invoice>(R"({"id": 7})");
    BOOST_TEST(test_support::written(e) ==
               R"({"error_id":"validation_failed","code":"validation",)"
               R"("message":"1 validation error for Invoice\nid\n  Input should be a valid string [type=string_type, input_value=7, input_type=int]",)"
               R"("source":"json_engine","severity":"error",)"
               R"("details":{"title":"Invoice","errors":[{"type":"string_type","loc":["id"],"msg":"Input should be a valid string","input":7}],"error_count":1},)"
               R"("stage_id":null,"task_id":null,"timestamp":null})");
}
