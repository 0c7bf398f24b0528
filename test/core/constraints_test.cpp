#define BOOST_TEST_MODULE core_constraints
#include <boost/test/unit_test.hpp>

#include <agent_engine/agent_engine.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <set>
#include <unordered_set>
#include <vector>

// pattern's regex engine is compiled into the library: a TU that includes every
// public header and uses pattern still parses none of Boost.Regex (compile time).
#ifdef BOOST_REGEX_CONFIG_HPP
#error "a public header includes Boost.Regex"
#endif

namespace constraints_test {

inline bool is_trimmed(const std::string& s)
{
    return s.empty() || (s.front() != ' ' && s.back() != ' ');
}

// A user function named like a constraint must not get in the way.
inline int pattern() { return 0; }

struct Stage {
    std::string stage_id;
    int retries = 0;
    double score = 0.5;
    std::string status = "pending";
    std::optional<std::string> started_at;
    std::optional<std::string> completed_at;
    std::vector<std::string> tags;
    std::string note;
    std::optional<int> priority;
};
BOOST_DESCRIBE_STRUCT(Stage, (),
                      (stage_id, retries, score, status, started_at, completed_at, tags, note, priority))
AGENT_ENGINE_REQUIRED(Stage, stage_id)
AGENT_ENGINE_CONSTRAINTS(Stage, stage_id, min_length(1), pattern("^stage-"))
AGENT_ENGINE_CONSTRAINTS(Stage, retries, ge(0), lt(10))
AGENT_ENGINE_CONSTRAINTS(Stage, score, gt(0), le(1.0))
AGENT_ENGINE_CONSTRAINTS(Stage, status, one_of("pending", "running", "done"))
AGENT_ENGINE_CONSTRAINTS(Stage, started_at, timestamp())
AGENT_ENGINE_CONSTRAINTS(Stage, completed_at, timestamp())
AGENT_ENGINE_CONSTRAINTS(Stage, tags, max_length(2), each(min_length(1), max_length(5)))
AGENT_ENGINE_CONSTRAINTS(Stage, note, max_length(3), satisfies(is_trimmed, "no surrounding spaces"))
AGENT_ENGINE_CONSTRAINTS(Stage, priority, one_of(1, 2, 3))

inline std::optional<std::string> completed_not_before_started(const Stage& s)
{
    if (s.started_at && s.completed_at && *s.completed_at < *s.started_at)
        return "completed_at is before started_at";
    return std::nullopt;
}
AGENT_ENGINE_VALIDATOR(Stage, completed_not_before_started)

struct Task {
    std::string task_id;
    std::vector<Stage> routing_trace;
    std::map<std::string, int> counters;
    std::string title;
};
BOOST_DESCRIBE_STRUCT(Task, (), (task_id, routing_trace, counters, title))
AGENT_ENGINE_CONSTRAINTS(Task, routing_trace, min_length(1), max_length(3))
AGENT_ENGINE_CONSTRAINTS(Task, counters, max_length(1))
AGENT_ENGINE_CONSTRAINTS(Task, title, min_length(2), max_length(4))

// Integers beyond their C++ type, with bounds of their own.
struct Sized {
    int small = 0;
    std::uint8_t tiny = 1;
};
BOOST_DESCRIBE_STRUCT(Sized, (), (small, tiny))
AGENT_ENGINE_CONSTRAINTS(Sized, small, le(5))
AGENT_ENGINE_CONSTRAINTS(Sized, tiny, ge(1))

// pydantic's Field(allow_inf_nan=False): NaN and the infinities refused.
struct Measured {
    double score = 0;
    std::optional<double> maybe;
    std::vector<double> samples;
    double bounded = 1;
};
BOOST_DESCRIBE_STRUCT(Measured, (), (score, maybe, samples, bounded))
AGENT_ENGINE_CONSTRAINTS(Measured, score, finite_number())
AGENT_ENGINE_CONSTRAINTS(Measured, maybe, ge(0), finite_number()) // finite_number judges first
AGENT_ENGINE_CONSTRAINTS(Measured, samples, each(finite_number()))
AGENT_ENGINE_CONSTRAINTS(Measured, bounded, gt(0))

// each(...) over a container held in another order than the input's.
struct Counted {
    std::multiset<int> counts;
};
BOOST_DESCRIBE_STRUCT(Counted, (), (counts))
AGENT_ENGINE_CONSTRAINTS(Counted, counts, each(gt(0)))

// each(...) judges items as they are read: before the maximum wherever it is
// written, and strict() among its constraints reads the items strictly.
struct JudgedItems {
    std::set<int> ids;
    std::vector<int> exact;
};
BOOST_DESCRIBE_STRUCT(JudgedItems, (), (ids, exact))
AGENT_ENGINE_CONSTRAINTS(JudgedItems, ids, each(gt(0)), max_length(2))
AGENT_ENGINE_CONSTRAINTS(JudgedItems, exact, each(strict(), ge(0)))

// Float limits a message writes without an exponent, as pydantic-core does.
struct Limits {
    double tiny = 0;
    double huge = 0;
};
BOOST_DESCRIBE_STRUCT(Limits, (), (tiny, huge))
AGENT_ENGINE_CONSTRAINTS(Limits, tiny, lt(1e-7))
AGENT_ENGINE_CONSTRAINTS(Limits, huge, lt(1e23))

// Float bounds on an int member: pydantic's int coerces a whole one (ctx 1, not 1.0).
struct Whole {
    int count = 5;
};
BOOST_DESCRIBE_STRUCT(Whole, (), (count))
AGENT_ENGINE_CONSTRAINTS(Whole, count, ge(1.0), lt(10.0))

// Containers with a maximum: pydantic stops reading a set once it holds too
// many items, judges a list by its input's items, a deque after its items.
struct CappedContainers {
    std::set<int> ids;
    std::optional<std::unordered_set<std::string>> names;
    std::multiset<int> counts;
    std::vector<int> list;
    std::deque<int> queue;
};
BOOST_DESCRIBE_STRUCT(CappedContainers, (), (ids, names, counts, list, queue))
AGENT_ENGINE_CONSTRAINTS(CappedContainers, ids, max_length(2), each(gt(0)))
AGENT_ENGINE_CONSTRAINTS(CappedContainers, names, max_length(1))
AGENT_ENGINE_CONSTRAINTS(CappedContainers, counts, max_length(2))
AGENT_ENGINE_CONSTRAINTS(CappedContainers, list, max_length(2))
AGENT_ENGINE_CONSTRAINTS(CappedContainers, queue, min_length(1), max_length(2))

// Patterns a hostile or broken input must not turn into an exception or a crash.
struct Word {
    std::string name;
};
BOOST_DESCRIBE_STRUCT(Word, (), (name))
AGENT_ENGINE_CONSTRAINTS(Word, name, pattern("^[a-z_]+$")) // the README's pattern

struct BrokenPattern {
    std::string text;
};
BOOST_DESCRIBE_STRUCT(BrokenPattern, (), (text))
AGENT_ENGINE_CONSTRAINTS(BrokenPattern, text, pattern("(unclosed"))

struct ExplosivePattern {
    std::string text;
};
BOOST_DESCRIBE_STRUCT(ExplosivePattern, (), (text))
AGENT_ENGINE_CONSTRAINTS(ExplosivePattern, text, pattern("^(a|b)+$")) // backtracks as deep as the input is long

// Constraint text is kept as a view: literals, const char* and std::string_view
// to static text are accepted (constexpr, as declarations are), a std::string is
// not (see compile_fail/constraint_text_from_std_string.cpp).
inline constexpr std::string_view kind_pattern = "^kind-";
inline constexpr const char* kind_message = "kind must not be empty";
inline bool non_empty(const std::string& s) { return !s.empty(); }
struct Kind {
    std::string kind = "kind-a";
    std::string level = "low";
};
BOOST_DESCRIBE_STRUCT(Kind, (), (kind, level))
AGENT_ENGINE_CONSTRAINTS(Kind, kind, satisfies(non_empty, kind_message), pattern(kind_pattern))
AGENT_ENGINE_CONSTRAINTS(Kind, level, one_of(kind_pattern, "low", "high"))

static_assert(!agent_engine::detail::is_kept_text_v<std::string>);
static_assert(agent_engine::detail::is_kept_text_v<char[4]> && agent_engine::detail::is_kept_text_v<const char*> &&
              agent_engine::detail::is_kept_text_v<std::string_view>);
inline constexpr agent_engine::constraints::pattern constexpr_pattern("^x");
inline constexpr agent_engine::constraints::one_of constexpr_one_of("a", kind_pattern);
static_assert(constexpr_pattern.regex == "^x" && constexpr_one_of.values[1] == "^kind-");

// Three generations. Declarations on the middle class reach the grandparent's
// member; a base's validators run for every derived class, bases first.
struct Named {
    std::string name;
    int level = 0;
    int rank = 0;
};
BOOST_DESCRIBE_STRUCT(Named, (), (name, level, rank))
inline std::optional<std::string> name_not_reserved(const Named& n)
{
    return n.name == "root" ? std::optional<std::string>("the name 'root' is reserved") : std::nullopt;
}
AGENT_ENGINE_VALIDATOR(Named, name_not_reserved)
AGENT_ENGINE_CONSTRAINTS(Named, rank, ge(0))

struct Ranked : Named {};
BOOST_DESCRIBE_STRUCT(Ranked, (Named), ())
AGENT_ENGINE_CONSTRAINTS(Ranked, level, ge(0))
AGENT_ENGINE_DESCRIPTION(Ranked, level, "Depth in the tree")

struct Leaf : Ranked {};
BOOST_DESCRIBE_STRUCT(Leaf, (Ranked), ())
inline std::optional<std::string> rank_within_level(const Leaf& l)
{
    return l.rank > l.level ? std::optional<std::string>("rank exceeds level") : std::nullopt;
}
AGENT_ENGINE_VALIDATOR(Leaf, rank_within_level)

// The nearest declaration wins, as a field redefined in a pydantic subclass.
struct Capped : Ranked {};
BOOST_DESCRIBE_STRUCT(Capped, (Ranked), ())
AGENT_ENGINE_CONSTRAINTS(Capped, level, le(5))

// A schema that lists inherited members itself instead of naming the base: the
// declarations of the class that declares the member count, nothing else of the base.
struct Flat : Ranked {};
BOOST_DESCRIBE_STRUCT(Flat, (), (name, level, rank))

// A diamond: the shared base's validator runs once. A protected base's cannot
// run (the object is no such base to its users) and does not stop the build.
inline int shared_validations = 0;
struct Shared {
    int v = 0;
};
BOOST_DESCRIBE_STRUCT(Shared, (), (v))
inline std::optional<std::string> counted(const Shared&)
{
    ++shared_validations;
    return std::nullopt;
}
AGENT_ENGINE_VALIDATOR(Shared, counted)
struct Left : virtual Shared {};
BOOST_DESCRIBE_STRUCT(Left, (Shared), ())
struct Right : virtual Shared {};
BOOST_DESCRIBE_STRUCT(Right, (Shared), ())
struct Diamond : Left, Right {};
BOOST_DESCRIBE_STRUCT(Diamond, (Left, Right), ())
class Hidden : protected Named {
public:
    int w = 0;
    BOOST_DESCRIBE_CLASS(Hidden, (Named), (w), (), ())
};

} // namespace constraints_test

namespace ae = agent_engine;
using constraints_test::Stage;
using constraints_test::BrokenPattern;
using constraints_test::ExplosivePattern;
using constraints_test::Task;
using constraints_test::Word;

namespace {

// The errors reading `text` as T gives, through the text reader and through the
// DOM reader (they must agree).
template <class T> boost::json::array errors_of(std::string_view text)
{
    auto from_text = ae::from_json<T>(text);
    BOOST_REQUIRE(!from_text.has_value());
    auto from_dom = ae::from_dict<T>(ae::parse_json(text).value());
    BOOST_REQUIRE(!from_dom.has_value());
    auto const& errors = from_text.error().details->at("errors").as_array();
    BOOST_TEST(boost::json::serialize(errors) ==
               boost::json::serialize(from_dom.error().details->at("errors").as_array()));
    return errors;
}

// Reading `text` as T gives exactly one error, equal to `expected` (JSON).
template <class T> void expect_error(std::string_view text, std::string_view expected)
{
    auto errors = errors_of<T>(text);
    BOOST_TEST_REQUIRE(errors.size() == 1u, boost::json::serialize(errors));
    BOOST_TEST(boost::json::serialize(errors[0]) == boost::json::serialize(boost::json::parse(expected)));
}

template <class T> void expect_valid(std::string_view text)
{
    auto read = ae::from_json<T>(text);
    BOOST_TEST(read.has_value(), (read.has_value() ? std::string() : read.error().message));
}

} // namespace

BOOST_AUTO_TEST_CASE(a_valid_object_passes_every_constraint)
{
    expect_valid<Stage>(R"({"stage_id": "stage-1", "retries": 9, "score": 1.0, "status": "done",
        "started_at": "2025-12-06T02:45:18.337698Z", "completed_at": "2025-12-06T03:45:18+01:00",
        "tags": ["a", "bcdef"], "note": "ok", "priority": 3})");
    expect_valid<Stage>(R"({"stage_id": "stage-"})");
}

BOOST_AUTO_TEST_CASE(string_too_short_counts_characters)
{
    expect_error<Stage>(R"({"stage_id": ""})", R"({"type": "string_too_short", "loc": ["stage_id"],
        "msg": "String should have at least 1 character", "input": "", "ctx": {"min_length": 1}})");
    expect_error<Task>(R"({"title": "é"})", R"({"type": "string_too_short", "loc": ["title"],
        "msg": "String should have at least 2 characters", "input": "é", "ctx": {"min_length": 2}})");
    expect_valid<Task>(R"({"routing_trace": [{"stage_id": "stage-1"}], "title": "éé"})");
}

BOOST_AUTO_TEST_CASE(string_too_long)
{
    expect_error<Task>(R"({"routing_trace": [{"stage_id": "stage-1"}], "title": "abcde"})",
                       R"({"type": "string_too_long", "loc": ["title"], "msg": "String should have at most 4 characters",
        "input": "abcde", "ctx": {"max_length": 4}})");
    // Four code points in eight bytes.
    expect_valid<Task>(R"({"routing_trace": [{"stage_id": "stage-1"}], "title": "éééé"})");
}

BOOST_AUTO_TEST_CASE(list_too_short_and_too_long)
{
    expect_error<Task>(R"({"routing_trace": []})", R"({"type": "too_short", "loc": ["routing_trace"],
        "msg": "List should have at least 1 item after validation, not 0", "input": [],
        "ctx": {"field_type": "List", "min_length": 1, "actual_length": 0}})");
    expect_error<Stage>(R"({"stage_id": "stage-1", "tags": ["a", "b", "c"]})", R"({"type": "too_long", "loc": ["tags"],
        "msg": "List should have at most 2 items after validation, not 3", "input": ["a", "b", "c"],
        "ctx": {"field_type": "List", "max_length": 2, "actual_length": 3}})");
}

BOOST_AUTO_TEST_CASE(dictionary_too_long)
{
    expect_error<Task>(R"({"routing_trace": [{"stage_id": "stage-1"}], "counters": {"a": 1, "b": 2}})",
                       R"({"type": "too_long", "loc": ["counters"],
        "msg": "Dictionary should have at most 1 item after validation, not 2", "input": {"a": 1, "b": 2},
        "ctx": {"field_type": "Dictionary", "max_length": 1, "actual_length": 2}})");
}

BOOST_AUTO_TEST_CASE(numeric_bounds)
{
    expect_error<Stage>(R"({"stage_id": "stage-1", "retries": -1})", R"({"type": "greater_than_equal",
        "loc": ["retries"], "msg": "Input should be greater than or equal to 0", "input": -1, "ctx": {"ge": 0}})");
    expect_error<Stage>(R"({"stage_id": "stage-1", "retries": 10})", R"({"type": "less_than",
        "loc": ["retries"], "msg": "Input should be less than 10", "input": 10, "ctx": {"lt": 10}})");
    expect_error<Stage>(R"({"stage_id": "stage-1", "score": 0})", R"({"type": "greater_than",
        "loc": ["score"], "msg": "Input should be greater than 0", "input": 0, "ctx": {"gt": 0.0}})");
    expect_error<Stage>(R"({"stage_id": "stage-1", "score": 1.5})", R"({"type": "less_than_equal",
        "loc": ["score"], "msg": "Input should be less than or equal to 1", "input": 1.5, "ctx": {"le": 1.0}})");
}

// An error shows the number as its input held it, not as the member holds it,
// and a float limit as pydantic-core writes it (pydantic 2.13).
BOOST_AUTO_TEST_CASE(numeric_bounds_show_the_input_as_given)
{
    expect_error<Stage>(R"({"stage_id": "stage-1", "score": "2"})", R"({"type": "less_than_equal",
        "loc": ["score"], "msg": "Input should be less than or equal to 1", "input": "2", "ctx": {"le": 1.0}})");
    expect_error<Stage>(R"({"stage_id": "stage-1", "score": 9007199254740993})", R"({"type": "less_than_equal",
        "loc": ["score"], "msg": "Input should be less than or equal to 1", "input": 9007199254740993, "ctx": {"le": 1.0}})");
    expect_error<Stage>(R"({"stage_id": "stage-1", "retries": 12.0})", R"({"type": "less_than",
        "loc": ["retries"], "msg": "Input should be less than 10", "input": 12.0, "ctx": {"lt": 10}})");
    expect_error<Stage>(R"({"stage_id": "stage-1", "retries": true, "score": false})", R"({"type": "greater_than",
        "loc": ["score"], "msg": "Input should be greater than 0", "input": false, "ctx": {"gt": 0.0}})");
    expect_error<constraints_test::Limits>(R"({"tiny": 1})", R"({"type": "less_than", "loc": ["tiny"],
        "msg": "Input should be less than 0.0000001", "input": 1, "ctx": {"lt": 1e-07}})");
    expect_error<constraints_test::Limits>(R"({"huge": 1e24})", R"({"type": "less_than", "loc": ["huge"],
        "msg": "Input should be less than 100000000000000000000000", "input": 1e24, "ctx": {"lt": 1e23}})");
}

// pydantic 2.13: Annotated[int, Field(ge=1.0, lt=10.0)] shows its bounds as ints.
BOOST_AUTO_TEST_CASE(a_whole_float_bound_on_an_int_member_shows_as_an_int)
{
    expect_error<constraints_test::Whole>(R"({"count": 0})", R"({"type": "greater_than_equal", "loc": ["count"],
        "msg": "Input should be greater than or equal to 1", "input": 0, "ctx": {"ge": 1}})");
    expect_error<constraints_test::Whole>(R"({"count": "12"})", R"({"type": "less_than", "loc": ["count"],
        "msg": "Input should be less than 10", "input": "12", "ctx": {"lt": 10}})");
}

// pydantic 2.13, set[int] / Optional[set[str]] with Field(max_length=...): once the
// items read so far make the set too long, it stops with too_long alone ("not
// more", no count), dropping the item errors before; fewer distinct items than
// that keep their item errors. A list (a multiset is one) is judged by its input's
// items, as list[int] with Field(max_length=2) is.
BOOST_AUTO_TEST_CASE(a_set_past_its_max_length_stops_with_too_long_alone)
{
    for (const char* input : {R"({"ids": [1, "x", 2, 3]})", R"({"ids": ["x", -1, 1, 2, 3, "y"]})",
                              R"({"ids": [1, 1, 2, 2, 3]})"}) {
        BOOST_TEST_CONTEXT(input)
        {
            auto errors = errors_of<constraints_test::CappedContainers>(input);
            BOOST_TEST_REQUIRE(errors.size() == 1u);
            BOOST_TEST(errors[0].at("type").as_string() == "too_long");
            BOOST_TEST(errors[0].at("msg").as_string() == "Set should have at most 2 items after validation, not more");
            BOOST_TEST(errors[0].at("input") == boost::json::parse(input).at("ids"));
            BOOST_TEST(errors[0].at("ctx") == boost::json::parse(
                R"({"field_type": "Set", "max_length": 2, "actual_length": null})"));
        }
    }
    expect_error<constraints_test::CappedContainers>(R"({"ids": [1, "x", 1, 2]})", R"({"type": "int_parsing", "loc": ["ids", 1],
        "msg": "Input should be a valid integer, unable to parse string as an integer", "input": "x"})");
    expect_error<constraints_test::CappedContainers>(R"({"names": ["a", "b"]})", R"({"type": "too_long", "loc": ["names"],
        "msg": "Set should have at most 1 item after validation, not more", "input": ["a", "b"],
        "ctx": {"field_type": "Set", "max_length": 1, "actual_length": null}})");
    expect_valid<constraints_test::CappedContainers>(R"({"ids": [2, 2, 2, 1], "names": ["a", "a"], "counts": [3, 3]})");
    expect_error<constraints_test::CappedContainers>(R"({"counts": [1, "x", 2]})", R"({"type": "too_long", "loc": ["counts"],
        "msg": "List should have at most 2 items after validation, not 3", "input": [1, "x", 2],
        "ctx": {"field_type": "List", "max_length": 2, "actual_length": 3}})");
    expect_error<constraints_test::CappedContainers>(R"({"counts": [1, "x"]})", R"({"type": "int_parsing", "loc": ["counts", 1],
        "msg": "Input should be a valid integer, unable to parse string as an integer", "input": "x"})");
    expect_error<constraints_test::CappedContainers>(R"({"list": ["x", 1.5, null]})", R"({"type": "too_long", "loc": ["list"],
        "msg": "List should have at most 2 items after validation, not 3", "input": ["x", 1.5, null],
        "ctx": {"field_type": "List", "max_length": 2, "actual_length": 3}})");
    // pydantic's deque[int]: its items' errors first, its length errors say "Value"
    expect_error<constraints_test::CappedContainers>(R"({"queue": [1, "x", 3]})", R"({"type": "int_parsing", "loc": ["queue", 1],
        "msg": "Input should be a valid integer, unable to parse string as an integer", "input": "x"})");
    expect_error<constraints_test::CappedContainers>(R"({"queue": [1, 2, 3]})", R"({"type": "too_long", "loc": ["queue"],
        "msg": "Value should have at most 2 items after validation, not 3", "input": [1, 2, 3],
        "ctx": {"field_type": "Value", "max_length": 2, "actual_length": 3}})");
    expect_error<constraints_test::CappedContainers>(R"({"queue": []})", R"({"type": "too_short", "loc": ["queue"],
        "msg": "Value should have at least 1 item after validation, not 0", "input": [],
        "ctx": {"field_type": "Value", "min_length": 1, "actual_length": 0}})");
}

// each(...) shows an item as given, at its index.
BOOST_AUTO_TEST_CASE(each_shows_an_item_as_given)
{
    auto errors = errors_of<constraints_test::Measured>(R"({"samples": [0, "inf", false, -Infinity]})");
    BOOST_TEST(ae::serialize(errors, ae::json_format::compact()) ==
               R"([{"type":"finite_number","loc":["samples",1],"msg":"Input should be a finite number","input":"inf"},)"
               R"({"type":"finite_number","loc":["samples",3],"msg":"Input should be a finite number","input":-Infinity}])");
    // A sorted container's item too, at its place in the input.
    expect_error<constraints_test::Counted>(R"({"counts": [5, -1]})", R"({"type": "greater_than",
        "loc": ["counts", 1], "msg": "Input should be greater than 0", "input": -1, "ctx": {"gt": 0}})");
}

// pydantic 2.13's list[Annotated[str, Field(min_length=1, max_length=5)]],
// set[Annotated[int, Field(gt=0)]] with Field(max_length=2) and
// list[Annotated[int, Strict(), Field(ge=0)]]: an item's constraints are part of
// reading it, so an item they refuse is an item error like a wrong type.
BOOST_AUTO_TEST_CASE(each_judges_every_item_as_it_is_read)
{
    auto compact = [](const boost::json::array& errors) { return ae::serialize(errors, ae::json_format::compact()); };
    // beside an item of the wrong type
    BOOST_TEST(compact(errors_of<Stage>(R"({"stage_id": "stage-1", "tags": ["", 1]})")) ==
               R"([{"type":"string_too_short","loc":["tags",0],"msg":"String should have at least 1 character",)"
               R"("input":"","ctx":{"min_length":1}},)"
               R"({"type":"string_type","loc":["tags",1],"msg":"Input should be a valid string","input":1}])");
    // a set counts toward its maximum only the items they accept
    expect_error<constraints_test::JudgedItems>(R"({"ids": [-1, 1, 2]})", R"({"type": "greater_than",
        "loc": ["ids", 0], "msg": "Input should be greater than 0", "input": -1, "ctx": {"gt": 0}})");
    BOOST_TEST(compact(errors_of<constraints_test::JudgedItems>(R"({"ids": [1, -1, 1, 2, -5]})")) ==
               R"([{"type":"greater_than","loc":["ids",1],"msg":"Input should be greater than 0","input":-1,"ctx":{"gt":0}},)"
               R"({"type":"greater_than","loc":["ids",4],"msg":"Input should be greater than 0","input":-5,"ctx":{"gt":0}}])");
    expect_error<constraints_test::JudgedItems>(R"({"ids": [-1, 1, 2, 3]})", R"({"type": "too_long", "loc": ["ids"],
        "msg": "Set should have at most 2 items after validation, not more", "input": [-1, 1, 2, 3],
        "ctx": {"field_type": "Set", "max_length": 2, "actual_length": null}})");
    // strict() among them: "1" is no int, in a lax read
    BOOST_TEST(compact(errors_of<constraints_test::JudgedItems>(R"({"exact": ["1", -1, 2]})")) ==
               R"([{"type":"int_type","loc":["exact",0],"msg":"Input should be a valid integer","input":"1"},)"
               R"({"type":"greater_than_equal","loc":["exact",1],"msg":"Input should be greater than or equal to 0",)"
               R"("input":-1,"ctx":{"ge":0}}])");
    expect_valid<constraints_test::JudgedItems>(R"({"ids": [2, 2, 1], "exact": [0, 7]})");
}

// pydantic 2.13, Field(allow_inf_nan=False) and Field(gt=0): ValidationError.json() of
// {"score": NaN, "maybe": -Infinity, "samples": [1, Infinity], "bounded": NaN}
BOOST_AUTO_TEST_CASE(finite_number_refuses_nan_and_the_infinities)
{
    auto errors = errors_of<constraints_test::Measured>(R"({"score": NaN, "maybe": -Infinity, "samples": [1, Infinity], "bounded": NaN})");
    BOOST_TEST(ae::serialize(errors, ae::json_format::compact()) ==
               R"([{"type":"finite_number","loc":["score"],"msg":"Input should be a finite number","input":NaN},)"
               R"({"type":"finite_number","loc":["maybe"],"msg":"Input should be a finite number","input":-Infinity},)"
               R"({"type":"finite_number","loc":["samples",1],"msg":"Input should be a finite number","input":Infinity},)"
               R"({"type":"greater_than","loc":["bounded"],"msg":"Input should be greater than 0","input":NaN,"ctx":{"gt":0.0}}])");
    expect_valid<constraints_test::Measured>(R"({"score": 1e308, "maybe": null, "samples": [-1e-400], "bounded": Infinity})");
    // No JSON Schema keyword: pydantic writes none.
    BOOST_TEST(ae::json_schema<constraints_test::Measured>().at("properties").at("score") == boost::json::parse(R"({"title": "Score", "type": "number", "default": 0.0})"));
}

BOOST_AUTO_TEST_CASE(pattern_searches_like_re_search)
{
    expect_error<Stage>(R"({"stage_id": "x-stage-1"})", R"({"type": "string_pattern_mismatch", "loc": ["stage_id"],
        "msg": "String should match pattern '^stage-'", "input": "x-stage-1", "ctx": {"pattern": "^stage-"}})");
    // Unanchored at the end: "stage-1 and more" matches "^stage-".
    expect_valid<Stage>(R"({"stage_id": "stage-1 and more"})");
}

BOOST_AUTO_TEST_CASE(pattern_anchors_at_the_ends_of_the_string_not_of_a_line)
{
    expect_valid<Word>(R"({"name": "ok_name"})");
    for (const char* input : {"abc\\nxyz", "abc\\n", "ABC\\nabc"}) {
        BOOST_TEST_CONTEXT(input)
        {
            auto errors = errors_of<Word>(R"({"name": ")" + std::string(input) + "\"}");
            BOOST_TEST_REQUIRE(errors.size() == 1u);
            BOOST_TEST(errors[0].at("type").as_string() == "string_pattern_mismatch");
            BOOST_TEST(!errors[0].at("ctx").as_object().contains("error"));
        }
    }
}

BOOST_AUTO_TEST_CASE(pattern_on_a_megabyte_string_neither_overflows_the_stack_nor_throws)
{
    // std::regex recursed once per character here and crashed with SIGSEGV.
    Word p;
    p.name.assign(std::size_t(1) << 20, 'a');
    BOOST_TEST(ae::validate(p).has_value());
    expect_valid<Word>(R"({"name": ")" + p.name + "\"}");

    p.name.back() = '!';
    auto result = ae::validate(p);
    BOOST_REQUIRE(!result.has_value());
    auto const& e = result.error().details->at("errors").as_array().at(0);
    BOOST_TEST(e.at("type").as_string() == "string_pattern_mismatch");
    BOOST_TEST(!e.at("ctx").as_object().contains("error"));
}

BOOST_AUTO_TEST_CASE(a_pattern_that_cannot_be_evaluated_is_an_error_value_at_the_member)
{
    for (int attempt = 0; attempt < 2; ++attempt) { // the compile error is remembered, and reported again
        auto errors = errors_of<BrokenPattern>(R"({"text": "x"})");
        BOOST_TEST_REQUIRE(errors.size() == 1u);
        auto const& e = errors[0].as_object();
        BOOST_TEST(e.at("type").as_string() == "string_pattern_mismatch");
        BOOST_TEST(boost::json::serialize(e.at("loc")) == R"(["text"])");
        BOOST_TEST(e.at("ctx").at("pattern").as_string() == "(unclosed");
        std::string reason(e.at("ctx").at("error").as_string());
        BOOST_TEST(!reason.empty());
        BOOST_TEST(e.at("msg").as_string() ==
                   "String should match pattern '(unclosed', which could not be evaluated: " + reason);
    }

    // Too costly a match is also an error value, not an exception.
    ExplosivePattern p;
    p.text.assign(std::size_t(1) << 20, 'a');
    auto result = ae::validate(p);
    BOOST_REQUIRE(!result.has_value());
    auto const& errors = result.error().details->at("errors").as_array();
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(boost::json::serialize(errors[0].at("loc")) == R"(["text"])");
    BOOST_TEST(errors[0].at("type").as_string() == "string_pattern_mismatch");
    BOOST_TEST(errors[0].at("ctx").as_object().contains("error"));
}

BOOST_AUTO_TEST_CASE(constraint_text_from_constants_keeps_its_value)
{
    using constraints_test::Kind;
    expect_valid<Kind>(R"({"kind": "kind-b", "level": "high"})");
    expect_error<Kind>(R"({"kind": ""})", R"({"type": "value_error", "loc": ["kind"],
        "msg": "Value error, kind must not be empty", "input": "", "ctx": {"error": "kind must not be empty"}})");
    expect_error<Kind>(R"({"kind": "x"})", R"({"type": "string_pattern_mismatch", "loc": ["kind"],
        "msg": "String should match pattern '^kind-'", "input": "x", "ctx": {"pattern": "^kind-"}})");
    expect_error<Kind>(R"({"level": "mid"})", R"({"type": "literal_error", "loc": ["level"],
        "msg": "Input should be '^kind-', 'low' or 'high'", "input": "mid",
        "ctx": {"expected": "'^kind-', 'low' or 'high'"}})");
}

// pydantic's int has no width: the C++ range is, for it, a ge and an le that the
// member's own replace, checked le, lt, ge, gt (pydantic: Annotated[int,
// Field(ge=-2**31, le=2**31-1), Field(le=5)]).
BOOST_AUTO_TEST_CASE(an_integer_beyond_its_type_meets_the_members_own_bound_first)
{
    using constraints_test::Sized;
    expect_error<Sized>(R"({"small": 3000000000})", R"({"type": "less_than_equal", "loc": ["small"],
        "msg": "Input should be less than or equal to 5", "input": 3000000000, "ctx": {"le": 5}})");
    expect_error<Sized>(R"({"tiny": -1})", R"({"type": "greater_than_equal", "loc": ["tiny"],
        "msg": "Input should be greater than or equal to 1", "input": -1, "ctx": {"ge": 1}})");
    // No bound of its own at that end: the type's.
    expect_error<Sized>(R"({"tiny": 300})", R"({"type": "less_than_equal", "loc": ["tiny"],
        "msg": "Input should be less than or equal to 255", "input": 300, "ctx": {"le": 255}})");
    expect_error<Stage>(R"({"stage_id": "stage-1", "retries": 3000000000})", R"({"type": "less_than_equal",
        "loc": ["retries"], "msg": "Input should be less than or equal to 2147483647", "input": 3000000000,
        "ctx": {"le": 2147483647}})");
    expect_error<Stage>(R"({"stage_id": "stage-1", "retries": -3000000000})", R"({"type": "greater_than_equal",
        "loc": ["retries"], "msg": "Input should be greater than or equal to 0", "input": -3000000000, "ctx": {"ge": 0}})");
    // An integral float beyond 64 bits is too big for pydantic's lax int.
    expect_error<Sized>(R"({"small": 1e300})", R"({"type": "int_parsing_size", "loc": ["small"],
        "msg": "Unable to parse input string as an integer, exceeded maximum size", "input": 1e300})");
    expect_valid<Sized>(R"({"small": 5.0, "tiny": 255})");
}

BOOST_AUTO_TEST_CASE(the_first_failing_constraint_of_a_member_reports)
{
    // "" fails min_length and pattern; pydantic reports only the first.
    auto errors = errors_of<Stage>(R"({"stage_id": ""})");
    BOOST_TEST(errors.size() == 1u);
    BOOST_TEST(errors[0].at("type").as_string() == "string_too_short");
}

BOOST_AUTO_TEST_CASE(one_of_strings_and_numbers)
{
    expect_error<Stage>(R"({"stage_id": "stage-1", "status": "paused"})", R"({"type": "literal_error",
        "loc": ["status"], "msg": "Input should be 'pending', 'running' or 'done'", "input": "paused",
        "ctx": {"expected": "'pending', 'running' or 'done'"}})");
    expect_error<Stage>(R"({"stage_id": "stage-1", "priority": 4})", R"({"type": "literal_error",
        "loc": ["priority"], "msg": "Input should be 1, 2 or 3", "input": 4, "ctx": {"expected": "1, 2 or 3"}})");
}

// one_of is pydantic's Literal: it reads the value itself, so a value of another
// JSON type is a literal_error, not the member type's error, and a listed number
// takes an equal one of another type (Python's True == 1 == 1.0).
BOOST_AUTO_TEST_CASE(one_of_reads_a_value_of_any_json_type_as_a_literal)
{
    expect_error<Stage>(R"({"stage_id": "stage-1", "status": 5})", R"({"type": "literal_error",
        "loc": ["status"], "msg": "Input should be 'pending', 'running' or 'done'", "input": 5,
        "ctx": {"expected": "'pending', 'running' or 'done'"}})");
    expect_error<Stage>(R"({"stage_id": "stage-1", "status": null})", R"({"type": "literal_error",
        "loc": ["status"], "msg": "Input should be 'pending', 'running' or 'done'", "input": null,
        "ctx": {"expected": "'pending', 'running' or 'done'"}})");
    expect_error<Stage>(R"({"stage_id": "stage-1", "priority": "1"})", R"({"type": "literal_error",
        "loc": ["priority"], "msg": "Input should be 1, 2 or 3", "input": "1", "ctx": {"expected": "1, 2 or 3"}})");
    expect_error<Stage>(R"({"stage_id": "stage-1", "priority": 1.5})", R"({"type": "literal_error",
        "loc": ["priority"], "msg": "Input should be 1, 2 or 3", "input": 1.5, "ctx": {"expected": "1, 2 or 3"}})");
    expect_error<Stage>(R"({"stage_id": "stage-1", "priority": false})", R"({"type": "literal_error",
        "loc": ["priority"], "msg": "Input should be 1, 2 or 3", "input": false, "ctx": {"expected": "1, 2 or 3"}})");
    expect_error<Stage>(R"({"stage_id": "stage-1", "priority": 9223372036854775808})", R"({"type": "int_parsing_size",
        "loc": ["priority"], "msg": "Unable to parse input string as an integer, exceeded maximum size",
        "input": 9223372036854775808})");
    for (auto text : {R"({"stage_id": "stage-1", "priority": true})", R"({"stage_id": "stage-1", "priority": 1.0})"}) {
        auto from_text = ae::from_json<Stage>(text);
        auto from_dom = ae::from_dict<Stage>(ae::parse_json(text).value());
        BOOST_TEST_REQUIRE(from_text.has_value(), text);
        BOOST_TEST_REQUIRE(from_dom.has_value(), text);
        BOOST_TEST((from_text.value().priority == std::optional<int>(1)));
        BOOST_TEST((from_dom.value().priority == std::optional<int>(1)));
    }
}

BOOST_AUTO_TEST_CASE(optional_members_check_the_contained_value_and_null_passes)
{
    expect_valid<Stage>(R"({"stage_id": "stage-1", "started_at": null, "priority": null})");
    expect_error<Stage>(R"({"stage_id": "stage-1", "started_at": "not-a-date"})",
                        R"({"type": "datetime_from_date_parsing", "loc": ["started_at"],
        "msg": "Input should be a valid datetime or date, invalid character in year", "input": "not-a-date",
        "ctx": {"error": "invalid character in year"}})");
}

BOOST_AUTO_TEST_CASE(timestamps_follow_rfc_3339)
{
    for (const char* valid : {"2025-12-06T02:45:18.337698Z", "2025-12-06T02:45:18Z", "2025-12-06t02:45:18z",
                              "2025-12-06T02:45:18+00:00", "2024-02-29T23:59:59.5-05:30", "2025-12-06 02:45:18Z",
                              "2025-12-06_02:45:18Z", "2025-12-06T02:45Z", "2025-12-06T02:45:18+0100",
                              "2025-12-06T02:45:18,5Z"}) {
        BOOST_TEST_CONTEXT(valid)
        {
            expect_valid<Stage>(R"({"stage_id": "stage-1", "started_at": ")" + std::string(valid) + "\"}");
        }
    }
    struct invalid_case {
        const char* input;
        const char* type;
        const char* reason;
    };
    for (auto const& c : std::initializer_list<invalid_case>{
             {"2025-12", "datetime_from_date_parsing", "input is too short"},
             {"2025/12/06T02:45:18Z", "datetime_from_date_parsing", "invalid date separator, expected `-`"},
             {"2025-13-06T02:45:18Z", "datetime_from_date_parsing", "month value is outside expected range of 1-12"},
             {"2025-02-29T02:45:18Z", "datetime_from_date_parsing", "day value is outside expected range"},
             // pydantic 2.13 judges a text that is no date-time as a date: past a
             // valid date, whatever is wrong is "extra characters" (checked with
             // TypeAdapter(AwareDatetime).validate_json on each)
             {"2025-12-06X02:45:18Z", "datetime_from_date_parsing", "unexpected extra characters at the end of the input"},
             {"2025-12-06T24:00:00Z", "datetime_from_date_parsing", "unexpected extra characters at the end of the input"},
             {"2025-12-06T02:60:00Z", "datetime_from_date_parsing", "unexpected extra characters at the end of the input"},
             {"2025-12-06T02:45:18.Z", "datetime_from_date_parsing", "unexpected extra characters at the end of the input"},
             {"2025-12-06T02:45:18#", "datetime_from_date_parsing", "unexpected extra characters at the end of the input"},
             {"2025-12-06T02:45:18+01", "datetime_from_date_parsing", "unexpected extra characters at the end of the input"},
             {"2025-1a/06T02:45:18Z", "datetime_from_date_parsing", "invalid character in month"},
             {"2025-12-06T02:45:18Zjunk", "datetime_from_date_parsing",
              "unexpected extra characters at the end of the input"},
             {"2025-12-06T02:45:18", "timezone_aware", nullptr},
             {"2025-12-06", "timezone_aware", nullptr},
         }) {
        BOOST_TEST_CONTEXT(c.input)
        {
            auto errors = errors_of<Stage>(R"({"stage_id": "stage-1", "started_at": ")" + std::string(c.input) + "\"}");
            BOOST_TEST_REQUIRE(errors.size() == 1u);
            auto const& e = errors[0].as_object();
            BOOST_TEST(e.at("type").as_string() == c.type);
            BOOST_TEST(e.at("input").as_string() == c.input);
            if (c.reason) {
                BOOST_TEST(e.at("msg").as_string() == std::string("Input should be a valid datetime or date, ") + c.reason);
                BOOST_TEST(e.at("ctx").at("error").as_string() == c.reason);
            } else {
                BOOST_TEST(e.at("msg").as_string() == "Input should have timezone info");
                BOOST_TEST(!e.contains("ctx"));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(satisfies_reports_a_value_error_with_its_message)
{
    expect_error<Stage>(R"({"stage_id": "stage-1", "note": " x"})", R"({"type": "value_error", "loc": ["note"],
        "msg": "Value error, no surrounding spaces", "input": " x", "ctx": {"error": "no surrounding spaces"}})");
}

BOOST_AUTO_TEST_CASE(each_checks_every_item_at_its_index)
{
    auto errors = errors_of<Stage>(R"({"stage_id": "stage-1", "tags": ["", "toolong"]})");
    BOOST_TEST_REQUIRE(errors.size() == 2u);
    BOOST_TEST(boost::json::serialize(errors[0]) ==
               boost::json::serialize(boost::json::parse(R"({"type": "string_too_short", "loc": ["tags", 0],
        "msg": "String should have at least 1 character", "input": "", "ctx": {"min_length": 1}})")));
    BOOST_TEST(boost::json::serialize(errors[1]) ==
               boost::json::serialize(boost::json::parse(R"({"type": "string_too_long", "loc": ["tags", 1],
        "msg": "String should have at most 5 characters", "input": "toolong", "ctx": {"max_length": 5}})")));
}

BOOST_AUTO_TEST_CASE(constraints_run_only_after_the_type_read_cleanly)
{
    expect_error<Stage>(R"({"stage_id": 5})", R"({"type": "string_type", "loc": ["stage_id"],
        "msg": "Input should be a valid string", "input": 5})");
}

BOOST_AUTO_TEST_CASE(nested_constraints_report_their_full_location_in_declaration_order)
{
    auto errors = errors_of<Task>(R"({"title": "t", "routing_trace": [{"stage_id": "stage-0"}, {"stage_id": "stage-1"},
        {"stage_id": "bad", "retries": -2}]})");
    BOOST_TEST_REQUIRE(errors.size() == 3u);
    BOOST_TEST(boost::json::serialize(errors[0].at("loc")) == R"(["routing_trace",2,"stage_id"])");
    BOOST_TEST(errors[0].at("type").as_string() == "string_pattern_mismatch");
    BOOST_TEST(boost::json::serialize(errors[1].at("loc")) == R"(["routing_trace",2,"retries"])");
    BOOST_TEST(errors[1].at("type").as_string() == "greater_than_equal");
    BOOST_TEST(boost::json::serialize(errors[2].at("loc")) == R"(["title"])");
    auto read = ae::from_json<Task>(R"({"routing_trace": [{"stage_id": "nope"}]})");
    BOOST_REQUIRE(!read.has_value());
    BOOST_TEST(read.error().message == "1 validation error for Task\nrouting_trace.0.stage_id\n"
                                       "  String should match pattern '^stage-' [type=string_pattern_mismatch, "
                                       "input_value='nope', input_type=str]");
}

BOOST_AUTO_TEST_CASE(validators_run_after_valid_members_at_the_object_location)
{
    const char* text = R"({"routing_trace": [{"stage_id": "stage-1", "started_at": "2025-12-06T02:00:00Z",
        "completed_at": "2025-12-06T01:00:00Z"}]})";
    auto errors = errors_of<Task>(text);
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    auto const& e = errors[0].as_object();
    BOOST_TEST(e.at("type").as_string() == "value_error");
    BOOST_TEST(boost::json::serialize(e.at("loc")) == R"(["routing_trace",0])");
    BOOST_TEST(e.at("msg").as_string() == "Value error, completed_at is before started_at");
    BOOST_TEST(e.at("ctx").at("error").as_string() == "completed_at is before started_at");
    BOOST_TEST(e.at("input").at("completed_at").as_string() == "2025-12-06T01:00:00Z");

    // A member error suppresses the validator, as pydantic skips "after" validators.
    auto with_member_error = errors_of<Stage>(R"({"stage_id": "stage-1", "retries": -1,
        "started_at": "2025-12-06T02:00:00Z", "completed_at": "2025-12-06T01:00:00Z"})");
    BOOST_TEST_REQUIRE(with_member_error.size() == 1u);
    BOOST_TEST(with_member_error[0].at("type").as_string() == "greater_than_equal");
}

BOOST_AUTO_TEST_CASE(declarations_and_validators_follow_the_hierarchy)
{
    using constraints_test::Capped;
    using constraints_test::Leaf;
    expect_error<Leaf>(R"({"name": "a", "level": -1})",
                       R"({"type": "greater_than_equal", "loc": ["level"], "msg": "Input should be greater than or equal to 0",
                           "input": -1, "ctx": {"ge": 0}})");
    auto reserved = errors_of<Leaf>(R"({"name": "root", "level": 1, "rank": 2})"); // the base's validator first
    BOOST_TEST_REQUIRE(reserved.size() == 1u);
    BOOST_TEST(reserved[0].at("msg").as_string() == "Value error, the name 'root' is reserved");
    auto ranked = errors_of<Leaf>(R"({"name": "a", "level": 1, "rank": 2})");
    BOOST_TEST_REQUIRE(ranked.size() == 1u);
    BOOST_TEST(ranked[0].at("msg").as_string() == "Value error, rank exceeds level");
    BOOST_TEST(ae::validate(Leaf{}).has_value());

    expect_valid<Capped>(R"({"level": -1})");
    auto capped = errors_of<Capped>(R"({"level": 6})");
    BOOST_TEST_REQUIRE(capped.size() == 1u);
    BOOST_TEST(capped[0].at("type").as_string() == "less_than_equal");

    auto flat = errors_of<constraints_test::Flat>(R"({"name": "root", "level": -1, "rank": -1})");
    BOOST_TEST_REQUIRE(flat.size() == 1u);
    BOOST_TEST(serialize(flat[0].at("loc")) == R"(["rank"])");

    constraints_test::shared_validations = 0;
    BOOST_TEST(ae::from_json<constraints_test::Diamond>(R"({"v": 1})").has_value());
    BOOST_TEST(constraints_test::shared_validations == 1);
    auto hidden = ae::from_json<constraints_test::Hidden>(R"({"w": 1})");
    BOOST_TEST(hidden.has_value());

    auto schema = ae::json_schema<Leaf>();
    auto const& level = schema.at("properties").at("level");
    BOOST_TEST(level.at("minimum").to_number<int>() == 0);
    BOOST_TEST(level.at("description").as_string() == "Depth in the tree");
}

BOOST_AUTO_TEST_CASE(validate_checks_an_object_built_in_memory)
{
    Task task;
    task.title = "ok";
    task.routing_trace.push_back(Stage{});
    task.routing_trace[0].stage_id = "stage-1";
    BOOST_TEST(ae::validate(task).has_value());

    task.routing_trace.push_back(Stage{});
    task.routing_trace[1].stage_id = "bad";
    task.routing_trace[1].score = 2.0;
    task.title = "x";
    auto result = ae::validate(task);
    BOOST_REQUIRE(!result.has_value());
    BOOST_TEST((result.error().code == ae::EngineErrorCode::validation));
    BOOST_TEST(result.error().message ==
               "3 validation errors for Task\n"
               "routing_trace.1.stage_id\n"
               "  String should match pattern '^stage-' [type=string_pattern_mismatch, input_value='bad', input_type=str]\n"
               "routing_trace.1.score\n"
               "  Input should be less than or equal to 1 [type=less_than_equal, input_value=2.0, input_type=float]\n"
               "title\n"
               "  String should have at least 2 characters [type=string_too_short, input_value='x', input_type=str]");
    // The same errors as reading the object's JSON.
    auto read = ae::from_dict<Task>(ae::to_dict(task));
    BOOST_REQUIRE(!read.has_value());
    BOOST_TEST(read.error().message == result.error().message);
}

BOOST_AUTO_TEST_CASE(declarations_are_queryable)
{
    BOOST_TEST((ae::detail::has_constraints_v<Stage, &Stage::stage_id>));
    BOOST_TEST(!(ae::detail::has_constraints_v<Task, &Task::task_id>));
    BOOST_TEST(constraints_test::pattern() == 0);
}
