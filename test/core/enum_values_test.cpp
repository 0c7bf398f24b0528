// Enums whose JSON value is not the enumerator's name (issue 19): a string
// per enumerator (AGENT_ENGINE_ENUM_VALUE, a str Enum whose values are not its
// names) and integer values (AGENT_ENGINE_INT_ENUM, pydantic's IntEnum). Each
// as pydantic 2.13.4 has it: its JSON, its errors (type, loc, msg, input, ctx)
// and its JSON Schema, hard-coded from what python3 printed for the line in
// the comment beside each, with
//
//   class Status(str, Enum):
//       pending = "pending"; in_progress = "in-progress"; done = "done"
//   class Priority(IntEnum):
//       low = 1; high = 2
//   class Job(BaseModel):
//       status: Status = Status.pending
//       priority: Priority = Priority.low
//       history: list[Priority] = []
//       next: Optional[Status] = None
#define BOOST_TEST_MODULE core_enum_values
#include "test_support.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

using test_support::check_round_trip;
using test_support::compact;
using test_support::errors_of;
using test_support::failure;
using test_support::read;
using test_support::written;

namespace ev {

enum class Status { pending, in_progress, done };
BOOST_DESCRIBE_ENUM(Status, pending, in_progress, done)
AGENT_ENGINE_ENUM_VALUE(Status, in_progress, "in-progress")

enum class Priority { low = 1, high = 2 };
BOOST_DESCRIBE_ENUM(Priority, low, high)
AGENT_ENGINE_INT_ENUM(Priority)

struct Job {
    Status status = Status::pending;
    Priority priority = Priority::low;
    std::vector<Priority> history;
    std::optional<Status> next;
    bool operator==(const Job&) const = default;
};
BOOST_DESCRIBE_STRUCT(Job, (), (status, priority, history, next))

// class N(IntEnum): neg = -5; zero = 0; big = 1099511627776
enum class N : std::int64_t { neg = -5, zero = 0, big = 1099511627776 };
BOOST_DESCRIBE_ENUM(N, neg, zero, big)
AGENT_ENGINE_INT_ENUM(N)

// An unsigned 64-bit underlying type: values past INT64_MAX are written unsigned.
enum class Wide : std::uint64_t { one = 1, top = 18446744073709551615u };
BOOST_DESCRIBE_ENUM(Wide, one, top)
AGENT_ENGINE_INT_ENUM(Wide)

} // namespace ev

// Declared from the global namespace, as a file of registrations would.
namespace elsewhere {
enum class Mode { fast_path, slow_path };
BOOST_DESCRIBE_ENUM(Mode, fast_path, slow_path)
enum Level { level_one = 10, level_two = 20 }; // unscoped
BOOST_DESCRIBE_ENUM(Level, level_one, level_two)
} // namespace elsewhere
AGENT_ENGINE_ENUM_VALUE(elsewhere::Mode, fast_path, "fast")
AGENT_ENGINE_ENUM_VALUE(elsewhere::Mode, slow_path, "slow")
AGENT_ENGINE_INT_ENUM(elsewhere::Level)

BOOST_AUTO_TEST_CASE(renamed_and_integer_enums_round_trip_on_every_path)
{
    // Job(status='in-progress', priority=2, history=[1, 2], next='done').model_dump_json()
    check_round_trip(ev::Job{ev::Status::in_progress, ev::Priority::high, {ev::Priority::low, ev::Priority::high},
                             ev::Status::done},
                     R"({"status":"in-progress","priority":2,"history":[1,2],"next":"done"})");
    // Job().model_dump_json()
    check_round_trip(ev::Job{}, R"({"status":"pending","priority":1,"history":[],"next":null})");

    check_round_trip(std::vector<ev::N>{ev::N::neg, ev::N::zero, ev::N::big}, "[-5,0,1099511627776]");
    check_round_trip(std::vector<ev::Wide>{ev::Wide::one, ev::Wide::top}, "[1,18446744073709551615]");
    check_round_trip(std::vector<elsewhere::Mode>{elsewhere::Mode::slow_path, elsewhere::Mode::fast_path},
                     R"(["slow","fast"])");
    check_round_trip(std::vector<elsewhere::Level>{elsewhere::level_two, elsewhere::level_one}, "[20,10]");
}

BOOST_AUTO_TEST_CASE(an_integer_enum_reads_an_integral_number)
{
    // TypeAdapter(Priority).validate_json('2.0') -> Priority.high
    BOOST_TEST((read<ev::Job>(R"({"priority": 2.0})").priority == ev::Priority::high));
    // TypeAdapter(N).validate_json('-0.0') -> N.zero; ('1099511627776.0') -> N.big; ('-5') -> N.neg
    BOOST_TEST((read<std::vector<ev::N>>("[-0.0, 1099511627776.0, -5]") ==
                std::vector<ev::N>{ev::N::zero, ev::N::big, ev::N::neg}));
    BOOST_TEST((read<std::vector<ev::Wide>>("[1.0, 18446744073709551615]") ==
                std::vector<ev::Wide>{ev::Wide::one, ev::Wide::top}));
}

BOOST_AUTO_TEST_CASE(errors_list_the_json_values)
{
    // Job.model_validate(json.loads(<the text below>)).errors()
    auto error = failure<ev::Job>(
        R"({"status":"in_progress","priority":3,"history":[2,1.5,null,"x",[1]],"next":1})");
    BOOST_TEST(compact(error.details->at("errors")) ==
               R"([{"type":"enum","loc":["status"],"msg":"Input should be 'pending', 'in-progress' or 'done'","input":"in_progress","ctx":{"expected":"'pending', 'in-progress' or 'done'"}},)"
               R"({"type":"enum","loc":["priority"],"msg":"Input should be 1 or 2","input":3,"ctx":{"expected":"1 or 2"}},)"
               R"({"type":"enum","loc":["history",1],"msg":"Input should be 1 or 2","input":1.5,"ctx":{"expected":"1 or 2"}},)"
               R"({"type":"enum","loc":["history",2],"msg":"Input should be 1 or 2","input":null,"ctx":{"expected":"1 or 2"}},)"
               R"({"type":"enum","loc":["history",3],"msg":"Input should be 1 or 2","input":"x","ctx":{"expected":"1 or 2"}},)"
               R"({"type":"enum","loc":["history",4],"msg":"Input should be 1 or 2","input":[1],"ctx":{"expected":"1 or 2"}},)"
               R"({"type":"enum","loc":["next"],"msg":"Input should be 'pending', 'in-progress' or 'done'","input":1,"ctx":{"expected":"'pending', 'in-progress' or 'done'"}}])");
    // str(e), without the "For further information" lines
    BOOST_TEST(error.message == "7 validation errors for Job\n"
                                "status\n"
                                "  Input should be 'pending', 'in-progress' or 'done' [type=enum, input_value='in_progress', input_type=str]\n"
                                "priority\n"
                                "  Input should be 1 or 2 [type=enum, input_value=3, input_type=int]\n"
                                "history.1\n"
                                "  Input should be 1 or 2 [type=enum, input_value=1.5, input_type=float]\n"
                                "history.2\n"
                                "  Input should be 1 or 2 [type=enum, input_value=None, input_type=NoneType]\n"
                                "history.3\n"
                                "  Input should be 1 or 2 [type=enum, input_value='x', input_type=str]\n"
                                "history.4\n"
                                "  Input should be 1 or 2 [type=enum, input_value=[1], input_type=list]\n"
                                "next\n"
                                "  Input should be 'pending', 'in-progress' or 'done' [type=enum, input_value=1, input_type=int]");

    // In strict mode a string or a bool is not coerced to an integer (doc/schemas.md,
    // section 8): Job.model_validate_json('{"history":["1",true]}', strict=True); in
    // lax mode, as IntEnum's int, they are.
    BOOST_TEST((read<ev::Job>(R"({"history":["1",true,2.0," 2 "]})").history ==
                std::vector<ev::Priority>{ev::Priority::low, ev::Priority::low, ev::Priority::high, ev::Priority::high}));
    BOOST_TEST(errors_of<ev::Job>(R"({"history":["1",true]})", {.strict = true}) ==
               R"([{"type":"enum","loc":["history",0],"msg":"Input should be 1 or 2","input":"1","ctx":{"expected":"1 or 2"}},)"
               R"({"type":"enum","loc":["history",1],"msg":"Input should be 1 or 2","input":true,"ctx":{"expected":"1 or 2"}}])");

    // TypeAdapter(list[N]).validate_python([1, 2.5])
    BOOST_TEST(errors_of<std::vector<ev::N>>("[1, 2.5]") ==
               R"([{"type":"enum","loc":[0],"msg":"Input should be -5, 0 or 1099511627776","input":1,"ctx":{"expected":"-5, 0 or 1099511627776"}},)"
               R"({"type":"enum","loc":[1],"msg":"Input should be -5, 0 or 1099511627776","input":2.5,"ctx":{"expected":"-5, 0 or 1099511627776"}}])");

    // The names of a renamed enum's enumerators are not its values; nor are an
    // integer enum's names, nor an integral number past every enumerator.
    BOOST_TEST(errors_of<std::vector<elsewhere::Mode>>(R"(["fast_path"])") ==
               R"([{"type":"enum","loc":[0],"msg":"Input should be 'fast' or 'slow'","input":"fast_path","ctx":{"expected":"'fast' or 'slow'"}}])");
    BOOST_TEST(errors_of<std::vector<elsewhere::Level>>(R"(["level_one", 1e19])") ==
               R"([{"type":"enum","loc":[0],"msg":"Input should be 10 or 20","input":"level_one","ctx":{"expected":"10 or 20"}},)"
               R"({"type":"enum","loc":[1],"msg":"Input should be 10 or 20","input":1e+19,"ctx":{"expected":"10 or 20"}}])");
}

BOOST_AUTO_TEST_CASE(a_value_no_enumerator_has_is_written_as_its_number_and_refused)
{
    BOOST_TEST(written(std::vector<ev::Status>{static_cast<ev::Status>(9)}) == "[9]");
    BOOST_TEST(written(std::vector<ev::Priority>{static_cast<ev::Priority>(7)}) == "[7]");
    BOOST_TEST(!agent_engine::validate(std::vector<ev::Priority>{static_cast<ev::Priority>(7)}).has_value());
    BOOST_TEST(agent_engine::validate(std::vector<ev::Priority>{ev::Priority::high}).has_value());
}

template <class E>
constexpr bool has_string_mapping = requires {
    agent_engine::json_rule<E>::to_string(E{});
    agent_engine::json_rule<E>::from_string("");
};

BOOST_AUTO_TEST_CASE(the_json_string_of_an_enumerator_is_usable_outside_the_rule)
{
    using rule = agent_engine::json_rule<ev::Status>;
    BOOST_TEST((rule::to_string(ev::Status::in_progress) == std::optional<std::string_view>("in-progress")));
    BOOST_TEST((rule::to_string(ev::Status::done) == std::optional<std::string_view>("done")));
    BOOST_TEST(!rule::to_string(static_cast<ev::Status>(9)).has_value());
    BOOST_TEST((rule::from_string("in-progress") == std::optional<ev::Status>(ev::Status::in_progress)));
    BOOST_TEST(!rule::from_string("in_progress").has_value());
    BOOST_TEST(rule::expected_names() == "'pending', 'in-progress' or 'done'");
    BOOST_TEST(agent_engine::json_rule<ev::N>::expected_names() == "-5, 0 or 1099511627776");
    // An integer enum's JSON values are integers: it has no string to give.
    static_assert(has_string_mapping<ev::Status> && !has_string_mapping<ev::Priority>);
    // labelled as pydantic labels an IntEnum and a str Enum (union error locs, titles)
    BOOST_TEST(agent_engine::json_rule<ev::Priority>::label() == "int-enum[Priority]");
    BOOST_TEST(agent_engine::json_rule<ev::Status>::label() == "str-enum[Status]");
}

BOOST_AUTO_TEST_CASE(json_schema_lists_the_json_values)
{
    // json.dumps(Job.model_json_schema(), separators=(",", ":")); pydantic sorts "$defs", the
    // library lists them as it meets them
    auto schema = agent_engine::json_schema<ev::Job>();
    BOOST_TEST(compact(schema.at("$defs")) ==
               R"({"Status":{"enum":["pending","in-progress","done"],"title":"Status","type":"string"},)"
               R"("Priority":{"enum":[1,2],"title":"Priority","type":"integer"}})");
    BOOST_TEST(compact(schema.at("properties").at("status")) == R"({"$ref":"#/$defs/Status","default":"pending"})");
    BOOST_TEST(compact(schema.at("properties").at("priority")) == R"({"$ref":"#/$defs/Priority","default":1})");
    // json.dumps(TypeAdapter(N).json_schema(), separators=(",", ":"))
    // (the root schema puts "type" first)
    auto n = agent_engine::json_schema<ev::N>();
    n.as_object().erase("$schema");
    BOOST_TEST(compact(n) == R"({"type":"integer","enum":[-5,0,1099511627776],"title":"N"})");
}
