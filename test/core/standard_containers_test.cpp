// The standard containers of issue 19: sets, fixed-length tuples (std::tuple,
// std::pair, std::array), smart pointers (and the recursive schemas they allow),
// deque and list. Each as pydantic has it: its JSON, its errors (type, loc, msg,
// input, ctx), its label and its JSON Schema. The expected errors and schemas are
// what pydantic 2.13.4 printed for the python line in the comment beside each
// (python mode: the library words its errors as pydantic's python mode does).
#define BOOST_TEST_MODULE core_standard_containers
#include "test_support.hpp"

#include <array>
#include <deque>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

using test_support::check_round_trip;
using test_support::compact;
using test_support::errors_of;
using test_support::failure;
using test_support::read;
using test_support::written;

namespace sc {

enum class Color { red, green, blue };
BOOST_DESCRIBE_ENUM(Color, red, green, blue)

struct Point {
    int x = 0;
    int y = 0;
    bool operator==(const Point&) const = default;
};
BOOST_DESCRIBE_STRUCT(Point, (), (x, y))

struct Shapes {
    std::set<std::string> tags;
    std::unordered_set<int> ids;
    std::multiset<int> scores;
    std::set<Color> colors;
    std::array<double, 3> origin{};
    std::pair<std::string, int> label;
    std::tuple<int, std::string, bool> row;
    std::tuple<> nothing;
    std::array<Point, 2> corners{};
    std::optional<std::array<int, 2>> maybe;
    std::vector<std::pair<std::string, std::set<int>>> nested;
    std::deque<int> queue;
    std::list<std::string> names;
    bool operator==(const Shapes&) const = default;
};
BOOST_DESCRIBE_STRUCT(Shapes, (),
                      (tags, ids, scores, colors, origin, label, row, nothing, corners, maybe, nested, queue, names))

// pydantic:
//   class S(BaseModel):
//       tags: set[str] = set()
//       pt: tuple[int, int] = (0, 0)
//       pair: tuple[str, float] = ("", 0.0)
struct S {
    std::set<std::string> tags;
    std::array<int, 2> pt{};
    std::pair<std::string, double> pair;
};
BOOST_DESCRIBE_STRUCT(S, (), (tags, pt, pair))

// pydantic:
//   class Node(BaseModel):
//       name: str
//       children: list[Optional["Node"]] = []
//       next: Optional["Node"] = None
struct Node {
    std::string name;
    std::vector<std::unique_ptr<Node>> children;
    std::unique_ptr<Node> next;
};
BOOST_DESCRIBE_STRUCT(Node, (), (name, children, next))
AGENT_ENGINE_REQUIRED(Node, name)

struct Shared {
    std::shared_ptr<Point> point;
    std::shared_ptr<std::string> text;
    std::unique_ptr<std::string> checked;
};
BOOST_DESCRIBE_STRUCT(Shared, (), (point, text, checked))
AGENT_ENGINE_CONSTRAINTS(Shared, checked, agent_engine::constraints::min_length(2))

// pydantic: class Limited(BaseModel): ids: Annotated[set[int], Field(min_length=2)] = set()
struct Limited {
    std::set<int> ids;
};
BOOST_DESCRIBE_STRUCT(Limited, (), (ids))
AGENT_ENGINE_CONSTRAINTS(Limited, ids, agent_engine::constraints::min_length(2))

// A move-only schema inside every kind of holder.
struct Holders {
    std::variant<std::string, Node> either;
    std::optional<Node> maybe;
    std::map<std::string, Node> by_name;
    std::array<std::unique_ptr<Node>, 2> pair_of;
    std::tuple<Node, int> with_count;
};
BOOST_DESCRIBE_STRUCT(Holders, (), (either, maybe, by_name, pair_of, with_count))

// A schema that can be moved but not assigned.
struct Unassignable {
    std::string name;
    int count = 0;
    Unassignable() = default;
    Unassignable(Unassignable&&) = default;
    Unassignable& operator=(Unassignable&&) = delete;
};
BOOST_DESCRIBE_STRUCT(Unassignable, (), (name, count))

} // namespace sc

BOOST_AUTO_TEST_CASE(every_container_round_trips_through_both_paths)
{
    sc::Shapes s;
    s.tags = {"b", "a"};
    s.ids = {7};
    s.scores = {3, 1, 3};
    s.colors = {sc::Color::blue, sc::Color::red};
    s.origin = {1.5, -2, 0};
    s.label = {"x", 4};
    s.row = {1, "two", true};
    s.corners = {sc::Point{1, 2}, sc::Point{3, 4}};
    s.maybe = std::array<int, 2>{5, 6};
    s.nested = {{"p", {2, 1}}};
    s.queue = {1, 2};
    s.names = {"m", "n"};
    check_round_trip(s, R"({"tags":["a","b"],"ids":[7],"scores":[1,3,3],"colors":["red","blue"],)"
                        R"("origin":[1.5,-2.0,0.0],"label":["x",4],"row":[1,"two",true],"nothing":[],)"
                        R"("corners":[{"x":1,"y":2},{"x":3,"y":4}],"maybe":[5,6],"nested":[["p",[1,2]]],)"
                        R"("queue":[1,2],"names":["m","n"]})");
    s.maybe.reset();
    s.queue.clear();
    s.names.clear();
    s.scores.clear();
    BOOST_TEST(written(s).find(R"("maybe":null,"nested":[["p",[1,2]]],"queue":[],"names":[]})") != std::string::npos);
    auto back = agent_engine::from_json<sc::Shapes>(agent_engine::to_json(s));
    BOOST_REQUIRE(back.has_value());
    BOOST_TEST((back.value() == s));
}

BOOST_AUTO_TEST_CASE(a_set_collapses_duplicates_and_a_multiset_keeps_them)
{
    // TypeAdapter(set[int]).validate_json('[3,1,3,2]') == {1, 2, 3}
    BOOST_TEST(written(read<std::set<int>>("[3,1,3,2]")) == "[1,2,3]");
    auto unordered = read<std::unordered_set<int>>("[3,1,3,2]");
    BOOST_TEST((unordered == std::unordered_set<int>{1, 2, 3}));
    BOOST_TEST(written(read<std::multiset<int>>("[3,1,3,2]")) == "[1,2,3,3]");
    auto deque = read<std::deque<int>>("[3,1,3]");
    BOOST_TEST((deque == std::deque<int>{3, 1, 3}));
    auto list = read<std::list<std::string>>(R"(["b","a"])");
    BOOST_TEST((list == std::list<std::string>{"b", "a"}));
    // frozen_set deduces its element type as std::set does
    agent_engine::frozen_set frozen{3, 1, 3};
    static_assert(std::is_same_v<decltype(frozen), agent_engine::frozen_set<int>>);
    BOOST_TEST(written(frozen) == "[1,3]");
    std::vector<std::string> words{"b", "a"};
    agent_engine::frozen_set from_range(words.begin(), words.end());
    static_assert(std::is_same_v<decltype(from_range), agent_engine::frozen_set<std::string>>);
    BOOST_TEST(written(from_range) == R"(["a","b"])");
}

BOOST_AUTO_TEST_CASE(set_errors_are_pydantics)
{
    // TypeAdapter(set[int]).validate_python(json.loads('3'))
    BOOST_TEST(errors_of<std::set<int>>("3") ==
               R"([{"type":"set_type","loc":[],"msg":"Input should be a valid set","input":3}])");
    BOOST_TEST(errors_of<std::unordered_set<int>>(R"({"a":1})") ==
               R"([{"type":"set_type","loc":[],"msg":"Input should be a valid set","input":{"a":1}}])");
    // TypeAdapter(set[str]).validate_python(json.loads('["a",1,"b",2]')): located by input index
    BOOST_TEST(errors_of<std::set<std::string>>(R"(["a",1,"b",2])") ==
               R"([{"type":"string_type","loc":[1],"msg":"Input should be a valid string","input":1},)"
               R"({"type":"string_type","loc":[3],"msg":"Input should be a valid string","input":2}])");
    // a multiset is a list: TypeAdapter(list[int]).validate_python(json.loads('{"a":1}'))
    BOOST_TEST(errors_of<std::multiset<int>>(R"({"a":1})") ==
               R"([{"type":"list_type","loc":[],"msg":"Input should be a valid list","input":{"a":1}}])");
}

BOOST_AUTO_TEST_CASE(tuple_errors_are_pydantics)
{
    using three = std::array<int, 3>;
    using int_pair = std::pair<int, int>;
    using str_int = std::pair<std::string, int>;
    using str_int_bool = std::tuple<std::string, int, bool>;
    // TypeAdapter(tuple[int,int,int]).validate_python([1,2,3,4])
    BOOST_TEST(errors_of<three>("[1,2,3,4]") ==
               R"([{"type":"too_long","loc":[],"msg":"Tuple should have at most 3 items after validation, not 4",)"
               R"("input":[1,2,3,4],"ctx":{"field_type":"Tuple","max_length":3,"actual_length":4}}])");
    // too long: the items are not checked (pydantic reports only too_long)
    BOOST_TEST(errors_of<int_pair>(R"(["x","y",3])") ==
               R"([{"type":"too_long","loc":[],"msg":"Tuple should have at most 2 items after validation, not 3",)"
               R"("input":["x","y",3],"ctx":{"field_type":"Tuple","max_length":2,"actual_length":3}}])");
    // TypeAdapter(tuple[int,int,int]).validate_python([1,2]): too short is `missing`, not too_short
    BOOST_TEST(errors_of<three>("[1,2]") ==
               R"([{"type":"missing","loc":[2],"msg":"Field required","input":[1,2]}])");
    // TypeAdapter(tuple[str,int,bool]).validate_python([1])
    BOOST_TEST(errors_of<str_int_bool>("[1]") ==
               R"([{"type":"string_type","loc":[0],"msg":"Input should be a valid string","input":1},)"
               R"({"type":"missing","loc":[1],"msg":"Field required","input":[1]},)"
               R"({"type":"missing","loc":[2],"msg":"Field required","input":[1]}])");
    // TypeAdapter(tuple[str,int]).validate_python("s")
    BOOST_TEST(errors_of<str_int>(R"("s")") ==
               R"([{"type":"tuple_type","loc":[],"msg":"Input should be a valid tuple","input":"s"}])");
    // TypeAdapter(tuple[str,int]).validate_json('[1,"x"]'): positional locs
    BOOST_TEST(errors_of<str_int>(R"([1,"x"])") ==
               R"([{"type":"string_type","loc":[0],"msg":"Input should be a valid string","input":1},)"
               R"({"type":"int_parsing","loc":[1],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"}])");
    // TypeAdapter(tuple[()]).validate_python([1])
    BOOST_TEST(errors_of<std::tuple<>>("[1]") ==
               R"([{"type":"too_long","loc":[],"msg":"Tuple should have at most 0 items after validation, not 1",)"
               R"("input":[1],"ctx":{"field_type":"Tuple","max_length":0,"actual_length":1}}])");
}

BOOST_AUTO_TEST_CASE(errors_inside_a_model_and_their_message)
{
    // S.model_validate(json.loads('{"tags": 3, "pt": [1], "pair": [1,2,3]}'))
    auto e = failure<sc::S>(R"({"tags": 3, "pt": [1], "pair": [1,2,3]})");
    BOOST_TEST(compact(e.details->at("errors")) ==
               R"([{"type":"set_type","loc":["tags"],"msg":"Input should be a valid set","input":3},)"
               R"({"type":"missing","loc":["pt",1],"msg":"Field required","input":[1]},)"
               R"({"type":"too_long","loc":["pair"],"msg":"Tuple should have at most 2 items after validation, not 3",)"
               R"("input":[1,2,3],"ctx":{"field_type":"Tuple","max_length":2,"actual_length":3}}])");
    // str(e), without its "For further information" lines
    BOOST_TEST(e.message == "3 validation errors for S\n"
                            "tags\n"
                            "  Input should be a valid set [type=set_type, input_value=3, input_type=int]\n"
                            "pt.1\n"
                            "  Field required [type=missing, input_value=[1], input_type=list]\n"
                            "pair\n"
                            "  Tuple should have at most 2 items after validation, not 3 [type=too_long, "
                            "input_value=[1, 2, 3], input_type=list]");
}

BOOST_AUTO_TEST_CASE(labels_are_pydantics)
{
    BOOST_TEST(agent_engine::rule_of<std::set<int>>::label() == "set[int]");
    BOOST_TEST(agent_engine::rule_of<std::unordered_set<std::string>>::label() == "set[str]");
    BOOST_TEST(agent_engine::rule_of<std::multiset<int>>::label() == "list[int]");
    using int_str = std::pair<int, std::string>;
    using two_bools = std::array<bool, 2>;
    BOOST_TEST(agent_engine::rule_of<int_str>::label() == "tuple[int, str]");
    BOOST_TEST(agent_engine::rule_of<two_bools>::label() == "tuple[bool, bool]");
    BOOST_TEST(agent_engine::rule_of<std::tuple<>>::label() == "tuple[]");
    BOOST_TEST(agent_engine::rule_of<std::unique_ptr<sc::Node>>::label() == "nullable[Node]");
    BOOST_TEST(agent_engine::rule_of<std::shared_ptr<int>>::label() == "nullable[int]");
    // TypeAdapter(Union[tuple[int,str], set[int]]).validate_python("s"): the labels locate union errors
    using U = std::variant<std::tuple<int, std::string>, std::set<int>>;
    BOOST_TEST(errors_of<U>(R"("s")") ==
               R"([{"type":"tuple_type","loc":["tuple[int, str]"],"msg":"Input should be a valid tuple","input":"s"},)"
               R"({"type":"set_type","loc":["set[int]"],"msg":"Input should be a valid set","input":"s"}])");
}

BOOST_AUTO_TEST_CASE(json_schema_is_pydantics)
{
    auto schema = [](boost::json::value v) {
        v.as_object().erase("$schema");
        return v;
    };
    // json.dumps(S.model_json_schema()), with the library's own addition: an `int` item
    // has its C++ range (minimum, maximum), as every C++ integer has (doc/schemas.md)
    BOOST_TEST(schema(agent_engine::json_schema<sc::S>()) ==
               boost::json::parse(R"({"properties":{"tags":{"default":[],"items":{"type":"string"},"title":"Tags",)"
                                  R"("type":"array","uniqueItems":true},"pt":{"default":[0,0],"maxItems":2,)"
                                  R"("minItems":2,"prefixItems":[{"type":"integer","minimum":-2147483648,)"
                                  R"("maximum":2147483647},{"type":"integer","minimum":-2147483648,)"
                                  R"("maximum":2147483647}],)"
                                  R"("title":"Pt","type":"array"},"pair":{"default":["",0.0],"maxItems":2,)"
                                  R"("minItems":2,"prefixItems":[{"type":"string"},{"type":"number"}],)"
                                  R"("title":"Pair","type":"array"}},"title":"S","type":"object"})"));
    // TypeAdapter(tuple[()]).json_schema()
    BOOST_TEST(schema(agent_engine::json_schema<std::tuple<>>()) ==
               boost::json::parse(R"({"maxItems":0,"minItems":0,"type":"array"})"));
    // a multiset writes duplicates: no uniqueItems
    BOOST_TEST(schema(agent_engine::json_schema<std::multiset<std::string>>()) ==
               boost::json::parse(R"({"items":{"type":"string"},"type":"array"})"));
    // json.dumps(Node.model_json_schema()): recursion through $ref. One difference,
    // the library's for every optional of a described struct (std::optional too):
    // "next" has a "title", where pydantic gives none to a nullable $ref.
    BOOST_TEST(schema(agent_engine::json_schema<sc::Node>()) ==
               boost::json::parse(R"({"$defs":{"Node":{"properties":{"name":{"title":"Name","type":"string"},)"
                                  R"("children":{"default":[],"items":{"anyOf":[{"$ref":"#/$defs/Node"},)"
                                  R"({"type":"null"}]},"title":"Children","type":"array"},"next":{"anyOf":[)"
                                  R"({"$ref":"#/$defs/Node"},{"type":"null"}],"title":"Next","default":null}},"required":["name"],)"
                                  R"("title":"Node","type":"object"}},"$ref":"#/$defs/Node"})"));
}

namespace {
sc::Node tree()
{
    sc::Node root;
    root.name = "root";
    root.children.push_back(std::make_unique<sc::Node>());
    root.children[0]->name = "a";
    root.children[0]->next = std::make_unique<sc::Node>();
    root.children[0]->next->name = "a.next";
    root.children.push_back(nullptr);
    root.next = std::make_unique<sc::Node>();
    root.next->name = "b";
    return root;
}
} // namespace

BOOST_AUTO_TEST_CASE(a_recursive_move_only_schema_round_trips)
{
    static_assert(!std::is_copy_constructible_v<sc::Node>);
    const std::string text = R"({"name":"root","children":[{"name":"a","children":[],"next":{"name":"a.next",)"
                             R"("children":[],"next":null}},null],"next":{"name":"b","children":[],"next":null}})";
    sc::Node root = tree();
    BOOST_TEST(written(root) == text);
    sc::Node back = read<sc::Node>(text); // from_json and from_dict(parse_json), compared
    BOOST_REQUIRE_EQUAL(back.children.size(), 2u);
    BOOST_REQUIRE(back.children[0]);
    BOOST_TEST(!back.children[1]);
    BOOST_REQUIRE(back.children[0]->next);
    BOOST_TEST(back.children[0]->next->name == "a.next");
    BOOST_TEST(!back.children[0]->next->next);
    BOOST_TEST(written(back) == text);
    auto from_dict = agent_engine::from_dict<sc::Node>(agent_engine::to_dict(root));
    BOOST_REQUIRE(from_dict.has_value());
    BOOST_TEST(written(from_dict.value()) == text);
    sc::Node into;
    BOOST_REQUIRE(agent_engine::from_json(text, into).has_value());
    BOOST_TEST(written(into) == text);
    BOOST_TEST(agent_engine::validate(root).has_value());
    sc::Node unnamed_child = tree();
    unnamed_child.children[0]->next = std::make_unique<sc::Node>(); // valid: "name" is written, even if empty
    BOOST_TEST(agent_engine::validate(unnamed_child).has_value());
}

// The value forms (from_json<T>, from_dict<T>) fill the value their result holds
// where T can be assigned; one that cannot is read into a local and moved.
BOOST_AUTO_TEST_CASE(a_schema_that_cannot_be_assigned_is_read_by_the_value_forms)
{
    static_assert(!std::is_move_assignable_v<sc::Unassignable>);
    sc::Unassignable read_back = read<sc::Unassignable>(R"({"name":"a","count":2})"); // from_json and from_dict
    BOOST_TEST(read_back.name == "a");
    BOOST_TEST(read_back.count == 2);
    // Unassignable.model_validate(json.loads('{"name":"a","count":"x"}'))
    auto e = failure<sc::Unassignable>(R"({"name":"a","count":"x"})");
    BOOST_TEST(compact(e.details->at("errors")) ==
               R"([{"type":"int_parsing","loc":["count"],)"
               R"("msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"}])");
}

BOOST_AUTO_TEST_CASE(errors_deep_in_a_recursive_schema)
{
    // Node.model_validate(json.loads('{"name":"a","children":[{"name":"b","next":{"name":1}},null,3]}'))
    auto e = failure<sc::Node>(R"({"name":"a","children":[{"name":"b","next":{"name":1}},null,3]})");
    BOOST_TEST(compact(e.details->at("errors")) ==
               R"([{"type":"string_type","loc":["children",0,"next","name"],"msg":"Input should be a valid string",)"
               R"("input":1},{"type":"model_type","loc":["children",2],)"
               R"("msg":"Input should be a valid dictionary or instance of Node","input":3,"ctx":{"class_name":"Node"}}])");
    BOOST_TEST(e.message == "2 validation errors for Node\n"
                            "children.0.next.name\n"
                            "  Input should be a valid string [type=string_type, input_value=1, input_type=int]\n"
                            "children.2\n"
                            "  Input should be a valid dictionary or instance of Node [type=model_type, "
                            "input_value=3, input_type=int]");
}

BOOST_AUTO_TEST_CASE(shared_pointers_and_constraints_through_a_pointer)
{
    sc::Shared s;
    BOOST_TEST(written(s) == R"({"point":null,"text":null,"checked":null})");
    s.point = std::make_shared<sc::Point>(sc::Point{1, 2});
    s.text = std::make_shared<std::string>("t");
    s.checked = std::make_unique<std::string>("ok");
    const std::string text = R"({"point":{"x":1,"y":2},"text":"t","checked":"ok"})";
    BOOST_TEST(written(s) == text);
    sc::Shared back = read<sc::Shared>(text);
    BOOST_REQUIRE(back.point);
    BOOST_TEST((*back.point == sc::Point{1, 2}));
    BOOST_TEST(back.point != s.point); // a new object, not the writer's
    BOOST_REQUIRE(back.text);
    BOOST_TEST(*back.text == "t");
    BOOST_REQUIRE(back.checked);
    BOOST_TEST(*back.checked == "ok");
    // a member constraint applies to the value pointed to, and null passes it
    BOOST_TEST(read<sc::Shared>(R"({"checked":null})").checked == nullptr);
    BOOST_TEST(errors_of<sc::Shared>(R"({"checked":"x"})") ==
               R"([{"type":"string_too_short","loc":["checked"],"msg":"String should have at least 2 characters",)"
               R"("input":"x","ctx":{"min_length":2}}])");
    auto schema = agent_engine::json_schema<sc::Shared>();
    BOOST_TEST(compact(schema.at("properties").at("checked")) ==
               R"({"anyOf":[{"type":"string","minLength":2},{"type":"null"}],"title":"Checked","default":null})");
}

BOOST_AUTO_TEST_CASE(a_length_constraint_on_a_set_names_it_a_set)
{
    // Limited.model_validate({"ids": [1, 1]}): counted after duplicates collapse;
    // the input shown is the list given, as pydantic's
    BOOST_TEST(errors_of<sc::Limited>(R"({"ids":[1,1]})") ==
               R"([{"type":"too_short","loc":["ids"],"msg":"Set should have at least 2 items after validation, not 1",)"
               R"("input":[1,1],"ctx":{"field_type":"Set","min_length":2,"actual_length":1}}])");
    // json.dumps(Limited.model_json_schema()["properties"]["ids"])
    BOOST_TEST(agent_engine::json_schema<sc::Limited>().at("properties").at("ids") ==
               boost::json::parse(R"({"default":[],"items":{"type":"integer","minimum":-2147483648,)"
                                  R"("maximum":2147483647},"minItems":2,"title":"Ids","type":"array","uniqueItems":true})"));
}

BOOST_AUTO_TEST_CASE(a_move_only_schema_inside_every_holder)
{
    static_assert(!std::is_copy_constructible_v<sc::Holders>);
    const std::string text = R"({"either":{"name":"x","children":[],"next":{"name":"y","children":[],"next":null}},)"
                             R"("maybe":{"name":"z","children":[],"next":null},)"
                             R"("by_name":{"k":{"name":"w","children":[],"next":null}},)"
                             R"("pair_of":[null,{"name":"q","children":[],"next":null}],)"
                             R"("with_count":[{"name":"t","children":[],"next":null},1]})";
    sc::Holders h = read<sc::Holders>(text); // from_json, and from_dict of parse_json
    BOOST_REQUIRE(std::holds_alternative<sc::Node>(h.either));
    BOOST_REQUIRE(std::get<sc::Node>(h.either).next);
    BOOST_TEST(std::get<sc::Node>(h.either).next->name == "y");
    BOOST_TEST(!h.pair_of[0]);
    BOOST_TEST(written(h) == text);
    BOOST_TEST(agent_engine::validate(h).has_value());
    auto again = agent_engine::from_dict<sc::Holders>(agent_engine::to_dict(h));
    BOOST_REQUIRE(again.has_value());
    BOOST_TEST(written(again.value()) == text);
    BOOST_TEST(agent_engine::json_schema<sc::Holders>().at("$defs").at("Node").at("title") == "Node");
}
