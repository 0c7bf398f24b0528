// Deep and mistyped documents. Nesting beyond max_json_depth (512: more than
// the Python original writes) is a json error on every read path; the deepest
// accepted document can be copied, written, reported in an error and destroyed
// without exhausting the stack; a value of the wrong type anywhere in a Task is
// a validation error located exactly there. (bounded_work_test.cpp: what deep
// documents cost.)

#include <boost/test/unit_test.hpp>

#include "versions.hpp"

#include <thread>

using namespace reliability;

namespace {

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// A task's text whose stage output is `output` (3 levels below the document).
std::string task_with_output(const std::string& output)
{
    return R"({"task_id": "task-p-1", "spec": {"task_spec_id": "p", "request": "r"}, "pipeline_id": "x",
               "stage_results": {"s": {"output": )" +
           output + "}}}";
}

task_manager_options fast()
{
    task_manager_options o;
    o.durable = false;
    return o;
}

} // namespace

BOOST_AUTO_TEST_CASE(nesting_one_level_beyond_the_limit_is_a_json_error_on_every_path)
{
    std::string too_deep = task_with_output(nested_arrays(max_json_depth - 2));
    std::string deepest = task_with_output(nested_arrays(max_json_depth - 3));
    fixtures::temp_dir tmp("deep_limit");
    TaskManager tm(tmp.path(), fast());
    fixtures::write(tmp.path() / "p" / "task-p-1.json", deepest);
    BOOST_TEST(from_json<Task>(deepest).has_value());
    BOOST_TEST(tm.load_checkpoint("task-p-1").has_value());
    BOOST_TEST(parse_json(deepest).has_value());
    BOOST_TEST(read_task_metadata(deepest).has_value());
    fixtures::write(tmp.path() / "p" / "task-p-1.json", too_deep);
    BOOST_TEST(from_json<Task>(too_deep).error().code == EngineErrorCode::json);
    BOOST_TEST(tm.load_checkpoint("task-p-1").error().code == EngineErrorCode::json);
    BOOST_TEST(parse_json(too_deep).error().code == EngineErrorCode::json);
    BOOST_TEST(read_task_metadata(too_deep).error().code == EngineErrorCode::json);
    // An Any value as deep as pydantic's model_dump writes one (its limit is
    // about 255 levels) is far from the limit.
    BOOST_TEST(from_json<Task>(task_with_output(nested_arrays(256))).has_value());
}

BOOST_AUTO_TEST_CASE(the_deepest_accepted_output_is_copied_saved_reported_and_destroyed)
{
    std::string deepest_output = nested_arrays(max_json_depth - 3);
    auto run = [&] {
        fixtures::temp_dir tmp("deep_dom");
        TaskManager tm(tmp.path(), fast());
        fixtures::write(tmp.path() / "p" / "task-p-1.json", task_with_output(deepest_output));
        auto loaded = tm.load_checkpoint("task-p-1");
        BOOST_REQUIRE(loaded.has_value());
        Task copy = *loaded.value();
        boost::json::value dom = to_dict(copy);
        BOOST_TEST(from_dict<Task>(dom).has_value());
        BOOST_REQUIRE(tm.save_checkpoint("task-p-1").has_value());
        // (compared in parentheses: Boost.Test would print both sides on failure)
        BOOST_TEST((to_json(tm.load_checkpoint("task-p-1").value()->stage_results.find("s")->second.output,
                            json_format::compact()) == deepest_output));
        // An error quotes its input (python repr): the deep value where a string belongs.
        auto wrong = from_json<Task>(
            R"({"task_id": "task-p-1", "pipeline_id": "x", "spec": {"task_spec_id": "p", "request": )" +
            nested_arrays(max_json_depth - 2) + "}}");
        BOOST_REQUIRE(!wrong.has_value());
        BOOST_TEST(wrong.error().code == EngineErrorCode::validation);
        BOOST_TEST(wrong.error().message.find("input_value=[[[[") != std::string::npos);
    };
    run();
    // Also on a secondary thread, whose stack is what the platform gives threads.
    std::thread(run).join();
}

namespace {

// A task with every member filled, so that every level of the schema is present.
Task full_task()
{
    Task t;
    t.task_id = "task-p-1";
    t.spec = spec_of("p");
    t.spec.hints = {"h"};
    t.spec.files = {"f"};
    t.spec.overrides = {"o"};
    t.spec.metadata = {{"k", "v"}};
    t.status = TaskStatus::running;
    t.pipeline_id = "pipe";
    t.current_stage_id = "s";
    StageExecutionRecord r;
    r.output = {{"k", 1}};
    r.error = make_error(EngineErrorCode::tool, EngineErrorSource::runtime, "e1", "boom", {{"why", "x"}});
    r.error->stage_id = "s";
    r.started_at = r.completed_at = "2025-01-01T00:00:00.000000Z";
    t.stage_results.insert_or_assign("s", r);
    t.routing_trace.push_back({"s", "go", "agent", "2025-01-01T00:00:00.000000Z"});
    FailureSignature f;
    f.code = FailureCode::timeout;
    f.message = "slow";
    f.stage_id = "s";
    f.metadata = {{"k", 2}};
    t.failure_signatures.push_back(f);
    ContextFingerprint c;
    c.task_id = "task-p-1";
    c.files = {"f"};
    c.tags = {"t"};
    c.mode = "m";
    c.approx_complexity = 0.5;
    c.hash = "h";
    t.context_fingerprint = c;
    t.created_at = t.updated_at = "2025-01-01T00:00:00.000000Z";
    return t;
}

// A value of another JSON type than `v`.
boost::json::value wrong_type_for(const boost::json::value& v)
{
    if (v.is_string())
        return 12345;
    if (v.is_object() || v.is_null()) // null: an unset optional, which takes a string
        return boost::json::array{1};
    return "not this";
}

// Every position in `v` (object members, array elements), depth first.
void positions(const boost::json::value& v, boost::json::array& at, std::vector<boost::json::array>& out)
{
    if (v.is_object())
        for (auto const& m : v.get_object()) {
            at.emplace_back(m.key());
            out.push_back(at);
            positions(m.value(), at, out);
            at.pop_back();
        }
    else if (v.is_array())
        for (std::size_t i = 0; i < v.get_array().size(); ++i) {
            at.emplace_back(i);
            out.push_back(at);
            positions(v.get_array()[i], at, out);
            at.pop_back();
        }
}

boost::json::value& at_position(boost::json::value& v, const boost::json::array& loc)
{
    boost::json::value* p = &v;
    for (auto const& part : loc)
        p = part.is_string() ? &p->get_object().at(part.get_string()) : &p->get_array().at(part.to_number<std::size_t>());
    return *p;
}

// Positions whose schema is Any, or below a free dictionary: any value is valid there.
bool accepts_anything(const boost::json::array& loc)
{
    for (std::size_t i = 0; i < loc.size(); ++i) {
        auto const& part = loc[i];
        bool last = i + 1 == loc.size();
        if (part == "output" || (!last && (part == "metadata" || part == "details")))
            return true;
    }
    return false;
}

} // namespace

BOOST_AUTO_TEST_CASE(a_wrong_type_at_every_level_of_a_task_is_located_exactly)
{
    fixtures::temp_dir tmp("wrong_type");
    TaskManager tm(tmp.path(), fast());
    const boost::json::value full = to_dict(full_task());
    BOOST_REQUIRE(from_dict<Task>(full).has_value());
    boost::json::array at;
    std::vector<boost::json::array> all;
    positions(full, at, all);
    BOOST_TEST(all.size() > 50u);
    for (auto const& loc : all) {
        boost::json::value doc = full;
        at_position(doc, loc) = wrong_type_for(at_position(doc, loc));
        std::string text = serialize(doc);
        fixtures::write(tmp.path() / "p" / "task-p-1.json", text);
        BOOST_TEST_CONTEXT("at " << serialize(loc, json_format::compact()))
        {
            auto by_dom = from_dict<Task>(doc, {.mode = input_mode::json}); // worded as from_json words it
            auto by_text = from_json<Task>(text);
            auto by_file = tm.load_checkpoint("task-p-1");
            if (accepts_anything(loc)) {
                BOOST_TEST(by_dom.has_value());
                BOOST_TEST(by_text.has_value());
                BOOST_TEST(by_file.has_value());
                continue;
            }
            // (a lambda, not a loop: load's result holds a pointer, the others a Task)
            auto located_once = [&](const char* path, const auto& result) {
                BOOST_TEST_INFO(path);
                BOOST_REQUIRE(!result.has_value());
                BOOST_TEST(result.error().code == EngineErrorCode::validation);
                auto const& errors = result.error().details->at("errors").get_array();
                BOOST_TEST(errors.size() == 1u);
                BOOST_TEST(serialize(errors.at(0).at("loc"), json_format::compact()) ==
                           serialize(loc, json_format::compact()));
            };
            located_once("from_dict", by_dom);
            located_once("from_json", by_text);
            located_once("load", by_file);
            BOOST_TEST(by_dom.error().message == by_text.error().message);
        }
    }
    // The document itself of the wrong type.
    for (auto const& text : {"[]", "1", "\"task\"", "null", "true"}) {
        BOOST_TEST(from_json<Task>(text).error().code == EngineErrorCode::validation);
        BOOST_TEST(read_task_metadata(text).error().code == EngineErrorCode::validation);
    }
}
