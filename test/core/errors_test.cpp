// Every validation error type, with its exact type, loc, msg, input and ctx,
// through nested structs, maps and arrays; all collected in one pass and
// reported in declaration order.
//
// The expected errors and messages were produced by pydantic 2.13 on a mirror of
// these schemas, with json.loads(input) as the input:
//
//   class Limits(BaseModel):
//       retries: conint(ge=0, le=255) = 0            # std::uint8_t
//       timeout: conint(ge=0, le=2**32-1) = 0        # unsigned
//       budget: conint(ge=-2**63, le=2**63-1) = 0    # std::int64_t
//   class Stage(BaseModel):
//       stage_id: str
//       started_at: Optional[str] = None
//       attempts: conint(ge=-2**31, le=2**31-1) = 0  # int
//       score: float = 0
//       ok: bool = False
//   class Task(BaseModel):
//       model_config = ConfigDict(extra='forbid')
//       task_id: str
//       status: Status                               # class Status(str, Enum)
//       routing_trace: List[Stage] = []
//       stage_results: Dict[str, Stage] = {}
//       limits: Limits = Limits()
//       tags: List[str] = []
//
//   errors: json.dumps(e.errors(include_url=False), separators=(",", ":"))
//   message: str(e) with PYDANTIC_ERRORS_INCLUDE_URL=0
#define BOOST_TEST_MODULE core_errors
#include "test_support.hpp"

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

using test_support::errors_of;
using test_support::failure;

namespace errs {

enum class Status { pending, running, completed, failed };
BOOST_DESCRIBE_ENUM(Status, pending, running, completed, failed)

struct Limits {
    std::uint8_t retries = 0;
    unsigned timeout = 0;
    std::int64_t budget = 0;
};
BOOST_DESCRIBE_STRUCT(Limits, (), (retries, timeout, budget))

struct Stage {
    std::string stage_id;
    std::optional<std::string> started_at;
    int attempts = 0;
    double score = 0;
    bool ok = false;
};
BOOST_DESCRIBE_STRUCT(Stage, (), (stage_id, started_at, attempts, score, ok))
AGENT_ENGINE_REQUIRED(Stage, stage_id)

struct Task {
    std::string task_id;
    Status status = Status::pending;
    std::vector<Stage> routing_trace;
    std::map<std::string, Stage> stage_results;
    Limits limits;
    std::vector<std::string> tags;
};
BOOST_DESCRIBE_STRUCT(Task, (), (task_id, status, routing_trace, stage_results, limits, tags))
AGENT_ENGINE_REQUIRED(Task, task_id, status)
AGENT_ENGINE_FORBID_EXTRA(Task)

struct Numbers {
    int i = 0;
    std::uint64_t u = 0;
    float f = 0;
    double d = 0;
    bool b = false;
    std::string s;
};
BOOST_DESCRIBE_STRUCT(Numbers, (), (i, u, f, d, b, s))

} // namespace errs

BOOST_AUTO_TEST_CASE(every_error_type_collected_in_one_pass_in_declaration_order)
{
    // Keys deliberately out of declaration order, extras first and last.
    constexpr std::string_view input =
        R"({"zz": 1, "tags": {}, "limits": {"retries": 300, "timeout": -1, "budget": 9223372036854775808}, )"
        R"("stage_results": {"s1": {"started_at": 5, "attempts": 1.5}, "s2": []}, )"
        R"("routing_trace": [{"stage_id": "a"}, {"stage_id": "b", "score": null, "ok": []}, {"attempts": {}}], )"
        R"("status": "bad", "yy": null})";
    auto error = failure<errs::Task>(input);

    BOOST_TEST(test_support::compact(error.details->at("errors")) ==
               R"([{"type":"missing","loc":["task_id"],"msg":"Field required","input":{"zz":1,"tags":{},"limits":{"retries":300,"timeout":-1,"budget":9223372036854775808},"stage_results":{"s1":{"started_at":5,"attempts":1.5},"s2":[]},"routing_trace":[{"stage_id":"a"},{"stage_id":"b","score":null,"ok":[]},{"attempts":{}}],"status":"bad","yy":null}},)"
               R"({"type":"enum","loc":["status"],"msg":"Input should be 'pending', 'running', 'completed' or 'failed'","input":"bad","ctx":{"expected":"'pending', 'running', 'completed' or 'failed'"}},)"
               R"({"type":"float_type","loc":["routing_trace",1,"score"],"msg":"Input should be a valid number","input":null},)"
               R"({"type":"bool_type","loc":["routing_trace",1,"ok"],"msg":"Input should be a valid boolean","input":[]},)"
               R"({"type":"missing","loc":["routing_trace",2,"stage_id"],"msg":"Field required","input":{"attempts":{}}},)"
               R"({"type":"int_type","loc":["routing_trace",2,"attempts"],"msg":"Input should be a valid integer","input":{}},)"
               R"({"type":"missing","loc":["stage_results","s1","stage_id"],"msg":"Field required","input":{"started_at":5,"attempts":1.5}},)"
               R"({"type":"string_type","loc":["stage_results","s1","started_at"],"msg":"Input should be a valid string","input":5},)"
               R"({"type":"int_from_float","loc":["stage_results","s1","attempts"],"msg":"Input should be a valid integer, got a number with a fractional part","input":1.5},)"
               R"({"type":"model_type","loc":["stage_results","s2"],"msg":"Input should be a valid dictionary or instance of Stage","input":[],"ctx":{"class_name":"Stage"}},)"
               R"({"type":"less_than_equal","loc":["limits","retries"],"msg":"Input should be less than or equal to 255","input":300,"ctx":{"le":255}},)"
               R"({"type":"greater_than_equal","loc":["limits","timeout"],"msg":"Input should be greater than or equal to 0","input":-1,"ctx":{"ge":0}},)"
               R"({"type":"less_than_equal","loc":["limits","budget"],"msg":"Input should be less than or equal to 9223372036854775807","input":9223372036854775808,"ctx":{"le":9223372036854775807}},)"
               R"({"type":"list_type","loc":["tags"],"msg":"Input should be a valid list","input":{}},)"
               R"({"type":"extra_forbidden","loc":["zz"],"msg":"Extra inputs are not permitted","input":1},)"
               R"({"type":"extra_forbidden","loc":["yy"],"msg":"Extra inputs are not permitted","input":null}])");

    BOOST_TEST(error.message ==
               "16 validation errors for Task\n"
               "task_id\n"
               "  Field required [type=missing, input_value={'zz': 1, 'tags': {}, 'li...tus': 'bad', 'yy': None}, input_type=dict]\n"
               "status\n"
               "  Input should be 'pending', 'running', 'completed' or 'failed' [type=enum, input_value='bad', input_type=str]\n"
               "routing_trace.1.score\n"
               "  Input should be a valid number [type=float_type, input_value=None, input_type=NoneType]\n"
               "routing_trace.1.ok\n"
               "  Input should be a valid boolean [type=bool_type, input_value=[], input_type=list]\n"
               "routing_trace.2.stage_id\n"
               "  Field required [type=missing, input_value={'attempts': {}}, input_type=dict]\n"
               "routing_trace.2.attempts\n"
               "  Input should be a valid integer [type=int_type, input_value={}, input_type=dict]\n"
               "stage_results.s1.stage_id\n"
               "  Field required [type=missing, input_value={'started_at': 5, 'attempts': 1.5}, input_type=dict]\n"
               "stage_results.s1.started_at\n"
               "  Input should be a valid string [type=string_type, input_value=5, input_type=int]\n"
               "stage_results.s1.attempts\n"
               "  Input should be a valid integer, got a number with a fractional part [type=int_from_float, input_value=1.5, input_type=float]\n"
               "stage_results.s2\n"
               "  Input should be a valid dictionary or instance of Stage [type=model_type, input_value=[], input_type=list]\n"
               "limits.retries\n"
               "  Input should be less than or equal to 255 [type=less_than_equal, input_value=300, input_type=int]\n"
               "limits.timeout\n"
               "  Input should be greater than or equal to 0 [type=greater_than_equal, input_value=-1, input_type=int]\n"
               "limits.budget\n"
               "  Input should be less than or equal to 9223372036854775807 [type=less_than_equal, input_value=9223372036854775808, input_type=int]\n"
               "tags\n"
               "  Input should be a valid list [type=list_type, input_value={}, input_type=dict]\n"
               "zz\n"
               "  Extra inputs are not permitted [type=extra_forbidden, input_value=1, input_type=int]\n"
               "yy\n"
               "  Extra inputs are not permitted [type=extra_forbidden, input_value=None, input_type=NoneType]");
}

BOOST_AUTO_TEST_CASE(container_and_struct_type_errors_at_their_own_key)
{
    auto error = failure<errs::Task>(
        R"({"task_id": 1, "status": 5, "routing_trace": {}, "stage_results": [], "limits": 2})");
    BOOST_TEST(test_support::compact(error.details->at("errors")) ==
               R"([{"type":"string_type","loc":["task_id"],"msg":"Input should be a valid string","input":1},)"
               R"({"type":"enum","loc":["status"],"msg":"Input should be 'pending', 'running', 'completed' or 'failed'","input":5,"ctx":{"expected":"'pending', 'running', 'completed' or 'failed'"}},)"
               R"({"type":"list_type","loc":["routing_trace"],"msg":"Input should be a valid list","input":{}},)"
               R"({"type":"dict_type","loc":["stage_results"],"msg":"Input should be a valid dictionary","input":[]},)"
               R"({"type":"model_type","loc":["limits"],"msg":"Input should be a valid dictionary or instance of Limits","input":2,"ctx":{"class_name":"Limits"}}])");
    BOOST_TEST(error.message ==
               "5 validation errors for Task\n"
               "task_id\n"
               "  Input should be a valid string [type=string_type, input_value=1, input_type=int]\n"
               "status\n"
               "  Input should be 'pending', 'running', 'completed' or 'failed' [type=enum, input_value=5, input_type=int]\n"
               "routing_trace\n"
               "  Input should be a valid list [type=list_type, input_value={}, input_type=dict]\n"
               "stage_results\n"
               "  Input should be a valid dictionary [type=dict_type, input_value=[], input_type=list]\n"
               "limits\n"
               "  Input should be a valid dictionary or instance of Limits [type=model_type, input_value=2, input_type=int]");
}

// model_validate_json (from_json; from_dict told input_mode::json) names JSON's
// types and lists a model's extra keys first; model_validate (from_dict;
// from_json told input_mode::python) names Python's and lists them last.
// pydantic 2.13 on the mirror, strict (the string "running" is not a Status in
// strict python mode, and this input has no lax conversion to make).
BOOST_AUTO_TEST_CASE(json_mode_names_json_types_and_lists_extra_keys_first)
{
    constexpr std::string_view input = R"({"zz": 1, "task_id": 1, "status": "running", "routing_trace": {}, )"
                                       R"("stage_results": [], "limits": 2, "yy": null})";
    auto json = failure<errs::Task>(input, {.mode = agent_engine::input_mode::json});
    BOOST_TEST(test_support::compact(json.details->at("errors")) ==
               R"([{"type":"extra_forbidden","loc":["zz"],"msg":"Extra inputs are not permitted","input":1},)"
               R"({"type":"extra_forbidden","loc":["yy"],"msg":"Extra inputs are not permitted","input":null},)"
               R"({"type":"string_type","loc":["task_id"],"msg":"Input should be a valid string","input":1},)"
               R"({"type":"list_type","loc":["routing_trace"],"msg":"Input should be a valid array","input":{}},)"
               R"({"type":"dict_type","loc":["stage_results"],"msg":"Input should be an object","input":[]},)"
               R"({"type":"model_type","loc":["limits"],"msg":"Input should be an object","input":2,"ctx":{"class_name":"Limits"}}])");
    BOOST_TEST(json.message == "6 validation errors for Task\n"
                               "zz\n"
                               "  Extra inputs are not permitted [type=extra_forbidden, input_value=1, input_type=int]\n"
                               "yy\n"
                               "  Extra inputs are not permitted [type=extra_forbidden, input_value=None, input_type=NoneType]\n"
                               "task_id\n"
                               "  Input should be a valid string [type=string_type, input_value=1, input_type=int]\n"
                               "routing_trace\n"
                               "  Input should be a valid array [type=list_type, input_value={}, input_type=dict]\n"
                               "stage_results\n"
                               "  Input should be an object [type=dict_type, input_value=[], input_type=list]\n"
                               "limits\n"
                               "  Input should be an object [type=model_type, input_value=2, input_type=int]");
    // Unset, each call takes its counterpart's mode.
    BOOST_TEST(agent_engine::from_json<errs::Task>(input).error().message == json.message);
    auto python = agent_engine::from_dict<errs::Task>(boost::json::parse(input)).error();
    BOOST_TEST(python.message == failure<errs::Task>(input, {.mode = agent_engine::input_mode::python}).message);
    BOOST_TEST(python.message.find("limits\n  Input should be a valid dictionary or instance of Limits") !=
               std::string::npos);
    BOOST_TEST(python.message.find("Input should be a valid list [type=list_type") != std::string::npos);
    BOOST_TEST(python.message.find("yy\n  Extra inputs are not permitted") > python.message.find("limits\n"));
}

BOOST_AUTO_TEST_CASE(errors_in_array_elements_carry_their_index)
{
    auto error = failure<errs::Task>(R"({"task_id": "t", "status": "running", "tags": ["a", 1, null]})");
    BOOST_TEST(test_support::compact(error.details->at("errors")) ==
               R"([{"type":"string_type","loc":["tags",1],"msg":"Input should be a valid string","input":1},)"
               R"({"type":"string_type","loc":["tags",2],"msg":"Input should be a valid string","input":null}])");
    BOOST_TEST(error.message ==
               "2 validation errors for Task\n"
               "tags.1\n"
               "  Input should be a valid string [type=string_type, input_value=1, input_type=int]\n"
               "tags.2\n"
               "  Input should be a valid string [type=string_type, input_value=None, input_type=NoneType]");
}

BOOST_AUTO_TEST_CASE(a_root_error_has_no_location_line)
{
    auto error = failure<errs::Stage>("5");
    BOOST_TEST(errors_of<errs::Stage>("5") ==
               R"([{"type":"model_type","loc":[],"msg":"Input should be a valid dictionary or instance of Stage","input":5,"ctx":{"class_name":"Stage"}}])");
    BOOST_TEST(error.message == "1 validation error for Stage\n"
                                "  Input should be a valid dictionary or instance of Stage [type=model_type, "
                                "input_value=5, input_type=int]");
}

BOOST_AUTO_TEST_CASE(a_container_at_the_root_is_titled_like_pydantic_types)
{
    // pydantic: TypeAdapter(list[int]) / TypeAdapter(dict[str, list[int]])
    BOOST_TEST(failure<std::vector<int>>("{}").message ==
               "1 validation error for list[int]\n"
               "  Input should be a valid list [type=list_type, input_value={}, input_type=dict]");
    auto error = failure<std::map<std::string, std::vector<int>>>(R"({"a": [1, []], "b": null})");
    BOOST_TEST(error.message == "2 validation errors for dict[str,list[int]]\n"
                                "a.1\n"
                                "  Input should be a valid integer [type=int_type, input_value=[], input_type=list]\n"
                                "b\n"
                                "  Input should be a valid list [type=list_type, input_value=None, input_type=NoneType]");
    BOOST_TEST(failure<std::string>("1").message ==
               "1 validation error for str\n"
               "  Input should be a valid string [type=string_type, input_value=1, input_type=int]");
}

BOOST_AUTO_TEST_CASE(int_type_for_non_numbers)
{
    BOOST_TEST(errors_of<errs::Numbers>(R"({"i": null, "u": [1]})") ==
               R"([{"type":"int_type","loc":["i"],"msg":"Input should be a valid integer","input":null},)"
               R"({"type":"int_type","loc":["u"],"msg":"Input should be a valid integer","input":[1]}])");
}

BOOST_AUTO_TEST_CASE(integer_range_errors_for_every_width)
{
    BOOST_TEST(errors_of<std::uint8_t>("300") ==
               R"([{"type":"less_than_equal","loc":[],"msg":"Input should be less than or equal to 255","input":300,"ctx":{"le":255}}])");
    BOOST_TEST(errors_of<std::uint8_t>("-1") ==
               R"([{"type":"greater_than_equal","loc":[],"msg":"Input should be greater than or equal to 0","input":-1,"ctx":{"ge":0}}])");
    BOOST_TEST(errors_of<std::int8_t>("-129") ==
               R"([{"type":"greater_than_equal","loc":[],"msg":"Input should be greater than or equal to -128","input":-129,"ctx":{"ge":-128}}])");
    BOOST_TEST(errors_of<std::int16_t>("32768") ==
               R"([{"type":"less_than_equal","loc":[],"msg":"Input should be less than or equal to 32767","input":32768,"ctx":{"le":32767}}])");
    BOOST_TEST(errors_of<std::uint32_t>("4294967296") ==
               R"([{"type":"less_than_equal","loc":[],"msg":"Input should be less than or equal to 4294967295","input":4294967296,"ctx":{"le":4294967295}}])");
    BOOST_TEST(errors_of<std::uint64_t>("-1") ==
               R"([{"type":"greater_than_equal","loc":[],"msg":"Input should be greater than or equal to 0","input":-1,"ctx":{"ge":0}}])");
    BOOST_TEST(errors_of<std::int64_t>("9223372036854775808") ==
               R"([{"type":"less_than_equal","loc":[],"msg":"Input should be less than or equal to 9223372036854775807","input":9223372036854775808,"ctx":{"le":9223372036854775807}}])");
    // an integral float out of range is a range error too, never a wrap
    BOOST_TEST(errors_of<std::uint8_t>("256.0") ==
               R"([{"type":"less_than_equal","loc":[],"msg":"Input should be less than or equal to 255","input":256.0,"ctx":{"le":255}}])");
    BOOST_TEST(errors_of<std::uint64_t>("-1.0") ==
               R"([{"type":"greater_than_equal","loc":[],"msg":"Input should be greater than or equal to 0","input":-1.0,"ctx":{"ge":0}}])");
    // An integral float outside int64 is too big for pydantic's lax int (its
    // float_as_int), whatever the member's width: int_parsing_size.
    BOOST_TEST(errors_of<std::int64_t>("9.3e18") ==
               R"([{"type":"int_parsing_size","loc":[],"msg":"Unable to parse input string as an integer, exceeded maximum size","input":9.3e+18}])");
    BOOST_TEST(errors_of<std::uint64_t>("1e19") ==
               R"([{"type":"int_parsing_size","loc":[],"msg":"Unable to parse input string as an integer, exceeded maximum size","input":1e+19}])");
    // Below INT64_MIN: never rounded into range. The integer literal is held as a
    // double (outside 64 bits: issue 18 item 6), so it reads as that float does.
    BOOST_TEST(errors_of<std::int64_t>("-9223372036854775809") ==
               R"([{"type":"int_parsing_size","loc":[],"msg":"Unable to parse input string as an integer, exceeded maximum size","input":-9.223372036854776e+18}])");
}

BOOST_AUTO_TEST_CASE(int_from_float_and_finite_number)
{
    BOOST_TEST(errors_of<int>("0.5") ==
               R"([{"type":"int_from_float","loc":[],"msg":"Input should be a valid integer, got a number with a fractional part","input":0.5}])");
    // An infinity, from a DOM built in C++ (or text's -Infinity, python_format_test).
    // pydantic: Stage.model_validate({"stage_id": "s", "attempts": float("-inf")}).
    boost::json::object stage{{"stage_id", "s"}, {"attempts", -std::numeric_limits<double>::infinity()}};
    auto r = agent_engine::from_dict<errs::Stage>(stage);
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST(r.error().message ==
               "1 validation error for Stage\n"
               "attempts\n"
               "  Input should be a finite number [type=finite_number, input_value=-inf, input_type=float]");
    // a double outside float's range does not silently become infinity
    BOOST_TEST(errors_of<float>("1e39") ==
               R"([{"type":"finite_number","loc":[],"msg":"Input should be a finite number","input":1e+39}])");
}

BOOST_AUTO_TEST_CASE(enum_error_lists_the_allowed_names)
{
    auto error = failure<errs::Status>(R"("Pending")");
    BOOST_TEST(test_support::compact(error.details->at("errors")) ==
               R"([{"type":"enum","loc":[],"msg":"Input should be 'pending', 'running', 'completed' or 'failed'","input":"Pending","ctx":{"expected":"'pending', 'running', 'completed' or 'failed'"}}])");
}

// pydantic's strict mode: no string is coerced to a number or a bool, and no
// number to a bool or a string (lax mode: modes_test.cpp).
BOOST_AUTO_TEST_CASE(no_coercion_in_strict_mode)
{
    const agent_engine::read_options strict{.strict = true};
    BOOST_TEST(errors_of<errs::Numbers>(R"({"i": "3", "u": true, "f": "1.5", "d": false, "b": 1, "s": 2})", strict) ==
               R"([{"type":"int_type","loc":["i"],"msg":"Input should be a valid integer","input":"3"},)"
               R"({"type":"int_type","loc":["u"],"msg":"Input should be a valid integer","input":true},)"
               R"({"type":"float_type","loc":["f"],"msg":"Input should be a valid number","input":"1.5"},)"
               R"({"type":"float_type","loc":["d"],"msg":"Input should be a valid number","input":false},)"
               R"({"type":"bool_type","loc":["b"],"msg":"Input should be a valid boolean","input":1},)"
               R"({"type":"string_type","loc":["s"],"msg":"Input should be a valid string","input":2}])");
    BOOST_TEST(errors_of<bool>(R"("true")", strict) ==
               R"([{"type":"bool_type","loc":[],"msg":"Input should be a valid boolean","input":"true"}])");
}

// pydantic: TypeAdapter(Dict[str, Union[int, str]]), input {"v": [1]}
BOOST_AUTO_TEST_CASE(a_variant_reports_every_alternative_under_its_label)
{
    using V = std::variant<int, std::string>;
    auto error = failure<std::map<std::string, V>>(R"({"v": [1]})");
    BOOST_TEST(test_support::compact(error.details->at("errors")) ==
               R"([{"type":"int_type","loc":["v","int"],"msg":"Input should be a valid integer","input":[1]},)"
               R"({"type":"string_type","loc":["v","str"],"msg":"Input should be a valid string","input":[1]}])");
    BOOST_TEST(error.message == "2 validation errors for dict[str,union[int,str]]\n"
                                "v.int\n"
                                "  Input should be a valid integer [type=int_type, input_value=[1], input_type=list]\n"
                                "v.str\n"
                                "  Input should be a valid string [type=string_type, input_value=[1], input_type=list]");
}

BOOST_AUTO_TEST_CASE(a_variant_labels_containers_and_structs_like_pydantic)
{
    // pydantic: Union[List[int], Dict[str, int], Stage] with input "x"
    using V = std::variant<std::vector<int>, std::map<std::string, int>, errs::Stage>;
    BOOST_TEST(errors_of<V>(R"("x")") ==
               R"([{"type":"list_type","loc":["list[int]"],"msg":"Input should be a valid list","input":"x"},)"
               R"({"type":"dict_type","loc":["dict[str,int]"],"msg":"Input should be a valid dictionary","input":"x"},)"
               R"({"type":"model_type","loc":["Stage"],"msg":"Input should be a valid dictionary or instance of Stage","input":"x","ctx":{"class_name":"Stage"}}])");
    // a later alternative that reads cleanly discards the earlier ones' errors
    // ("s" is not an int, so the dict alternative fails and Stage wins)
    auto ok = test_support::read<V>(R"({"stage_id": "s"})");
    BOOST_TEST(ok.index() == 2u);
    BOOST_TEST(std::get<2>(ok).stage_id == "s");
}

// Locations go on through the alternative's label into its members.
BOOST_AUTO_TEST_CASE(errors_inside_a_struct_inside_a_variant)
{
    using V = std::variant<int, errs::Stage>;
    BOOST_TEST(errors_of<V>(R"({"attempts": "x"})") ==
               R"([{"type":"int_type","loc":["int"],"msg":"Input should be a valid integer","input":{"attempts":"x"}},)"
               R"({"type":"missing","loc":["Stage","stage_id"],"msg":"Field required","input":{"attempts":"x"}},)"
               R"({"type":"int_parsing","loc":["Stage","attempts"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"}])");
}

namespace errs {
struct Choice {
    std::variant<std::vector<int>, std::vector<std::string>> v;
    int x = 0;
};
BOOST_DESCRIBE_STRUCT(Choice, (), (v, x))
} // namespace errs

// Past read_options::max_errors errors are counted, not kept: the first line
// gives them all, the last says how many were not listed, details hold the
// kept ones and "error_count". Every read path agrees (failure() checks).
BOOST_AUTO_TEST_CASE(errors_past_max_errors_are_counted_not_kept)
{
    constexpr std::string_view input =
        R"({"task_id": "t", "status": "running", "tags": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})";
    auto line = [](int i) {
        return "tags." + std::to_string(i - 1) + "\n  Input should be a valid string [type=string_type, input_value=" +
               std::to_string(i) + ", input_type=int]";
    };
    auto error = failure<errs::Task>(input, {.max_errors = 3});
    BOOST_TEST(error.message == "10 validation errors for Task\n" + line(1) + "\n" + line(2) + "\n" + line(3) +
                                    "\n... and 7 more errors (max_errors=3)");
    BOOST_TEST(error.details->at("errors").as_array().size() == 3u);
    BOOST_TEST(error.details->at("error_count") == 10);

    error = failure<errs::Task>(input, {.max_errors = 9});
    BOOST_TEST(error.message.ends_with("\n" + line(9) + "\n... and 1 more error (max_errors=9)"));
    error = failure<errs::Task>(input, {.max_errors = 0});
    BOOST_TEST(error.message == "10 validation errors for Task\n... and 10 more errors (max_errors=0)");
    BOOST_TEST(error.details->at("errors").as_array().empty());
    // as many as kept, or by default (1000): all of them, with their count
    for (std::size_t max : {10, 1000}) {
        error = failure<errs::Task>(input, {.max_errors = max});
        BOOST_TEST(error.message.ends_with(line(10)));
        BOOST_TEST(error.details->at("errors").as_array().size() == 10u);
        BOOST_TEST(error.details->at("error_count") == 10);
    }
    BOOST_TEST(failure<errs::Task>(input).message == failure<errs::Task>(input, {.max_errors = 1000}).message);
}

// The errors kept are the first met in the input, listed in pydantic's order.
BOOST_AUTO_TEST_CASE(the_errors_kept_are_the_first_met_listed_in_declaration_order)
{
    constexpr std::string_view input = R"({"tags": [1, 2], "task_id": 5, "status": "running"})";
    BOOST_TEST(failure<errs::Task>(input, {.max_errors = 2}).message ==
               "3 validation errors for Task\n"
               "tags.0\n"
               "  Input should be a valid string [type=string_type, input_value=1, input_type=int]\n"
               "tags.1\n"
               "  Input should be a valid string [type=string_type, input_value=2, input_type=int]\n"
               "... and 1 more error (max_errors=2)");
    BOOST_TEST(failure<errs::Task>(input, {.max_errors = 3}).message ==
               "3 validation errors for Task\n"
               "task_id\n"
               "  Input should be a valid string [type=string_type, input_value=5, input_type=int]\n"
               "tags.0\n"
               "  Input should be a valid string [type=string_type, input_value=1, input_type=int]\n"
               "tags.1\n"
               "  Input should be a valid string [type=string_type, input_value=2, input_type=int]");
}

// Errors dropped after the fact (an alternative that lost, a repeated member's
// earlier value) are dropped from the count too, and leave room for later ones,
// even when they had passed max_errors.
BOOST_AUTO_TEST_CASE(errors_dropped_later_leave_the_count_and_make_room)
{
    constexpr auto x_error = "1 validation error for Choice\n"
                             "x\n"
                             "  Input should be a valid integer, unable to parse string as an integer [type=int_parsing, input_value='no', input_type=str]";
    BOOST_TEST(failure<errs::Choice>(R"({"v": ["a", "b", "c"], "x": "no"})", {.max_errors = 2}).message == x_error);
    // a key repeated: its last value, at its first place (as a DOM holds it)
    constexpr auto task_id_error = "1 validation error for Task\n"
                                   "task_id\n"
                                   "  Input should be a valid string [type=string_type, input_value=5, input_type=int]";
    for (std::size_t max : {0, 1, 2, 3, 5, 6}) {
        BOOST_TEST_CONTEXT("max_errors " << max)
        {
            auto error = failure<errs::Task>(R"({"tags": [1, 2, 3], "task_id": 5, "tags": [], "status": "running"})",
                                             {.max_errors = max});
            BOOST_TEST(error.details->at("error_count") == 1);
            if (max > 0)
                BOOST_TEST(error.message == task_id_error);
            // In a map, in JSON text, every occurrence of a key counts (pydantic's
            // json mode): the earlier value's four errors, then the other entry's.
            // (A DOM holds the last value only: from_dict sees b's error alone.)
            auto read = agent_engine::from_json<errs::Task>(
                R"({"task_id": "t", "status": "running", "stage_results": )"
                R"({"a": {"attempts": "x", "score": "y", "ok": 2}, "b": {"stage_id": 1}, "a": {"stage_id": "s"}}})",
                {.max_errors = max});
            BOOST_TEST_REQUIRE(!read.has_value());
            BOOST_TEST(read.error().details->at("error_count") == 5);
            auto const& kept = read.error().details->at("errors").as_array();
            BOOST_TEST(kept.size() == std::min<std::size_t>(max, 5));
            if (max >= 5)
                BOOST_TEST(agent_engine::serialize(kept, agent_engine::json_format::compact()) ==
                           R"([{"type":"missing","loc":["stage_results","a","stage_id"],"msg":"Field required",)"
                           R"("input":{"attempts":"x","score":"y","ok":2}},)"
                           R"({"type":"int_parsing","loc":["stage_results","a","attempts"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"},)"
                           R"({"type":"float_parsing","loc":["stage_results","a","score"],"msg":"Input should be a valid number, unable to parse string as a number","input":"y"},)"
                           R"({"type":"bool_parsing","loc":["stage_results","a","ok"],"msg":"Input should be a valid boolean, unable to interpret input","input":2},)"
                           R"({"type":"string_type","loc":["stage_results","b","stage_id"],"msg":"Input should be a valid string","input":1}])");
        }
    }
}

// A list keeps none of its elements that failed (neither does pydantic), on
// either read path: millions of wrong items hold no default elements.
BOOST_AUTO_TEST_CASE(a_list_keeps_none_of_its_elements_that_failed)
{
    constexpr std::string_view input = R"({"task_id": "t", "status": "running", "tags": ["a", 1, "b"],)"
                                       R"( "routing_trace": [{"stage_id": "s"}, 2, {}]})";
    errs::Task by_text, by_dom;
    BOOST_TEST(!agent_engine::from_json(input, by_text));
    BOOST_TEST(!agent_engine::from_dict(agent_engine::parse_json(input).value(), by_dom));
    for (auto const* t : {&by_text, &by_dom}) {
        BOOST_TEST((t->tags == std::vector<std::string>{"a", "b"}));
        BOOST_TEST(t->routing_trace.size() == 1u);
    }
    std::vector<bool> flags{true};
    BOOST_TEST(!agent_engine::from_json("[true, 2, false]", flags));
    BOOST_TEST((flags == std::vector<bool>{true, false}));
}
