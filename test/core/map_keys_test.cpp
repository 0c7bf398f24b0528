// Map keys beyond strings (issue 19 item 2): integers, described enums, UUIDs,
// dates and representations to a string, as pydantic's dict[K, V] has them:
// their JSON text, their errors at [..., key, "[key]"] and their JSON Schema.
// The expected values are what pydantic 2.13.4 printed for the python beside
// each, with this model (python mode, the input from json.loads):
//
//   class Color(enum.Enum): red = 'red'; green = 'green'
//   def ticket(s):
//       if not (s.startswith('T-') and s[2:].isdigit()): raise ValueError('expected T-<number>')
//       return s
//   class Keys(BaseModel):
//       by_id: dict[int, str] = {}
//       small: dict[Annotated[int, Field(ge=0, le=255)], int] = {}
//       by_color: dict[Color, int] = {}
//       by_uuid: dict[uuid.UUID, str] = {}
//       by_day: dict[datetime.date, int] = {}
//       by_ticket: dict[Annotated[str, AfterValidator(ticket)], int] = {}
#define BOOST_TEST_MODULE core_map_keys
#include "test_support.hpp"

#include <boost/json/parse.hpp>
#include <boost/uuid/uuid.hpp>

#include <charconv>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

using test_support::check_round_trip;
using test_support::errors_of;
using test_support::read;
using test_support::written;

using int_int = std::map<int, int>;
using int_str = std::map<int, std::string>;
using wide_int = std::map<std::int64_t, int>;

namespace keys {

enum class Color { red, green };
BOOST_DESCRIBE_ENUM(Color, red, green)

// A ticket, written "T-12" (representation<Ticket>).
struct Ticket {
    int number = 0;
    auto operator<=>(const Ticket&) const = default;
};

} // namespace keys

template <> struct agent_engine::representation<keys::Ticket> {
    static std::string to(const keys::Ticket& t) { return "T-" + std::to_string(t.number); }
    static agent_engine::converted<keys::Ticket> from(std::string_view s)
    {
        keys::Ticket t;
        if (s.starts_with("T-")) {
            auto [end, ec] = std::from_chars(s.data() + 2, s.data() + s.size(), t.number);
            if (ec == std::errc() && end == s.data() + s.size())
                return t;
        }
        return agent_engine::invalid("expected T-<number>");
    }
};

namespace keys {
// A rank, written as its number (representation<Rank> to int).
struct Rank {
    int n = 0;
    auto operator<=>(const Rank&) const = default;
};
} // namespace keys

template <> struct agent_engine::representation<keys::Rank> {
    static int to(const keys::Rank& r) { return r.n; }
    static agent_engine::converted<keys::Rank> from(int n) { return keys::Rank{n}; }
};

namespace keys {

struct Keys {
    agent_engine::ordered_map<int, std::string> by_id;
    agent_engine::ordered_map<std::uint8_t, int> small;
    agent_engine::ordered_map<Color, int> by_color;
    std::map<boost::uuids::uuid, std::string> by_uuid;
    std::map<std::chrono::year_month_day, int> by_day;
    std::map<Ticket, int> by_ticket;
    bool operator==(const Keys&) const = default;
};
BOOST_DESCRIBE_STRUCT(Keys, (), (by_id, small, by_color, by_uuid, by_day, by_ticket))

constexpr boost::uuids::uuid some_id{{0x12, 0x34, 0x56, 0x78, 0x12, 0x34, 0x56, 0x78, 0x12, 0x34, 0x56, 0x78, 0x12,
                                      0x34, 0x56, 0x78}};

} // namespace keys

BOOST_AUTO_TEST_CASE(every_key_type_round_trips_as_pydantic_writes_it)
{
    using namespace std::chrono;
    keys::Keys k;
    k.by_id[-5] = "m";
    k.by_id[12] = "a";
    k.small[255] = 1;
    k.small[0] = 2;
    k.by_color[keys::Color::green] = 1;
    k.by_color[keys::Color::red] = 2;
    k.by_uuid[keys::some_id] = "u";
    k.by_day[2024y / February / 29] = 1;
    k.by_ticket[keys::Ticket{12}] = 3;
    // Keys(by_id={-5:'m', 12:'a'}, small={255:1, 0:2}, by_color={Color.green:1, Color.red:2},
    //      by_uuid={UUID('12345678-1234-5678-1234-567812345678'):'u'}, by_day={date(2024,2,29):1},
    //      by_ticket={'T-12':3}).model_dump_json() (and model_dump(mode='json'): the same)
    check_round_trip(k, R"({"by_id":{"-5":"m","12":"a"},"small":{"255":1,"0":2},"by_color":{"green":1,"red":2},)"
                        R"("by_uuid":{"12345678-1234-5678-1234-567812345678":"u"},"by_day":{"2024-02-29":1},)"
                        R"("by_ticket":{"T-12":3}})");
}

BOOST_AUTO_TEST_CASE(the_widest_integer_keys_round_trip)
{
    std::map<std::int64_t, int> wide{{INT64_MIN, 1}, {INT64_MAX, 2}};
    check_round_trip(wide, R"({"-9223372036854775808":1,"9223372036854775807":2})");
    std::unordered_map<std::uint64_t, int> unsigned_wide{{UINT64_MAX, 1}};
    check_round_trip(unsigned_wide, R"({"18446744073709551615":1})");
}

BOOST_AUTO_TEST_CASE(an_integer_key_is_read_as_pydantic_reads_a_string_into_an_int)
{
    // TypeAdapter(dict[int,str]).dump_json(TypeAdapter(dict[int,str]).validate_python(
    //     json.loads('{"01":"a"," 2 ":"b","3.00":"c","-0":"d","1_0":"e","+4":"f","\\t5\\n":"g"}')))
    using ids = agent_engine::ordered_map<int, std::string>;
    BOOST_TEST(written(read<ids>(R"({"01":"a"," 2 ":"b","3.00":"c","-0":"d","1_0":"e","+4":"f","\t5\n":"g"})")) ==
               R"({"1":"a","2":"b","3":"c","0":"d","10":"e","4":"f","5":"g"})");
    // TypeAdapter(dict[int,int]).validate_python({"1":1,"01":2}) == {1: 2}: one key, the last value
    BOOST_TEST(written(read<ids>(R"({"1":"a","01":"b"})")) == R"({"1":"b"})");
}

BOOST_AUTO_TEST_CASE(a_string_that_is_no_integer_is_int_parsing)
{
    // for k in ['1e3','1.5','1.','.0','0x1','1_','_1','1__0','+-1','1.0_0','','-','x']:
    //     TypeAdapter(dict[int,int]).validate_python({k: 1})   -> int_parsing, loc (k, '[key]')
    for (std::string_view k : {"1e3", "1.5", "1.", ".0", "0x1", "1_", "_1", "1__0", "+-1", "1.0_0", "", "-", "x"}) {
        std::string text = "{\"" + std::string(k) + "\":1}";
        std::string expected = R"([{"type":"int_parsing","loc":[")" + std::string(k) +
                               R"(","[key]"],"msg":"Input should be a valid integer, unable to parse string as an )"
                               R"(integer","input":")" + std::string(k) + R"("}])";
        BOOST_TEST(errors_of<int_int>(text) == expected);
    }
}

BOOST_AUTO_TEST_CASE(key_errors_are_pydantics_at_the_key)
{
    // Keys.model_validate(json.loads(<the text below, with " 5 ":[] >)).errors(include_url=False)
    // (json.dumps with default=str); the value of an invalid key is still validated (by_id "1e3":7)
    BOOST_TEST(
        errors_of<keys::Keys>(
            R"({"by_id":{"1e3":7,"7":1},"small":{"300":1,"-1":2," 5 ":[]},"by_color":{"blue":1},)"
            R"("by_uuid":{"abc":"u"},"by_day":{"2024-02-30":1},"by_ticket":{"x":1}})") ==
        R"([{"type":"int_parsing","loc":["by_id","1e3","[key]"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"1e3"},)"
        R"({"type":"string_type","loc":["by_id","1e3"],"msg":"Input should be a valid string","input":7},)"
        R"({"type":"string_type","loc":["by_id","7"],"msg":"Input should be a valid string","input":1},)"
        R"({"type":"less_than_equal","loc":["small","300","[key]"],"msg":"Input should be less than or equal to 255","input":"300","ctx":{"le":255}},)"
        R"({"type":"greater_than_equal","loc":["small","-1","[key]"],"msg":"Input should be greater than or equal to 0","input":"-1","ctx":{"ge":0}},)"
        R"({"type":"int_type","loc":["small"," 5 "],"msg":"Input should be a valid integer","input":[]},)"
        R"({"type":"enum","loc":["by_color","blue","[key]"],"msg":"Input should be 'red' or 'green'","input":"blue","ctx":{"expected":"'red' or 'green'"}},)"
        R"({"type":"uuid_parsing","loc":["by_uuid","abc","[key]"],"msg":"Input should be a valid UUID, invalid length: expected length 32 for simple format, found 3","input":"abc","ctx":{"error":"invalid length: expected length 32 for simple format, found 3"}},)"
        R"({"type":"date_from_datetime_parsing","loc":["by_day","2024-02-30","[key]"],"msg":"Input should be a valid date or datetime, day value is outside expected range","input":"2024-02-30","ctx":{"error":"day value is outside expected range"}},)"
        R"({"type":"value_error","loc":["by_ticket","x","[key]"],"msg":"Value error, expected T-<number>","input":"x","ctx":{"error":"expected T-<number>"}}])");
}

BOOST_AUTO_TEST_CASE(integer_keys_past_the_width_are_range_errors)
{
    // TypeAdapter(dict[Annotated[int, Field(ge=-9223372036854775808, le=9223372036854775807)], int])
    //     .validate_python({"9223372036854775808": 1, "-9223372036854775809": 2, "99999999999999999999999": 3})
    BOOST_TEST(
        errors_of<wide_int>(
            R"({"9223372036854775808":1,"-9223372036854775809":2,"99999999999999999999999":3})") ==
        R"([{"type":"less_than_equal","loc":["9223372036854775808","[key]"],"msg":"Input should be less than or equal to 9223372036854775807","input":"9223372036854775808","ctx":{"le":9223372036854775807}},)"
        R"({"type":"greater_than_equal","loc":["-9223372036854775809","[key]"],"msg":"Input should be greater than or equal to -9223372036854775808","input":"-9223372036854775809","ctx":{"ge":-9223372036854775808}},)"
        R"({"type":"less_than_equal","loc":["99999999999999999999999","[key]"],"msg":"Input should be less than or equal to 9223372036854775807","input":"99999999999999999999999","ctx":{"le":9223372036854775807}}])");
}

BOOST_AUTO_TEST_CASE(a_representation_as_an_integer_is_an_integer_key)
{
    using by_rank = std::map<keys::Rank, std::string>;
    // ta = TypeAdapter(dict[Annotated[int, Field(ge=-2147483648, le=2147483647)], str])
    // ta.dump_json(ta.validate_python(json.loads('{"007":"bond"}')))
    auto ranks = read<by_rank>(R"({"007":"bond"})");
    BOOST_TEST(ranks.at(keys::Rank{7}) == "bond");
    check_round_trip(ranks, R"({"7":"bond"})");
    // ta.validate_python(json.loads('{"x":"a","3000000000":"b"}'))
    BOOST_TEST(errors_of<by_rank>(R"({"x":"a","3000000000":"b"})") ==
               R"([{"type":"int_parsing","loc":["x","[key]"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"},)"
               R"({"type":"less_than_equal","loc":["3000000000","[key]"],"msg":"Input should be less than or equal to 2147483647","input":"3000000000","ctx":{"le":2147483647}}])");
}

BOOST_AUTO_TEST_CASE(a_key_repeated_as_text_is_read_as_each_mode_of_pydantic_reads_it)
{
    const std::string_view text = R"({"x":1,"x":2})";
    const std::string one = R"({"type":"int_parsing","loc":["x","[key]"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"},)";
    // TypeAdapter(dict[int,str]).validate_json(text): JSON mode reads every pair
    auto from_text = agent_engine::from_json<int_str>(text);
    BOOST_REQUIRE(!from_text);
    BOOST_TEST(test_support::compact(from_text.error().details->at("errors")) ==
               "[" + one + R"({"type":"string_type","loc":["x"],"msg":"Input should be a valid string","input":1},)" + one +
                   R"({"type":"string_type","loc":["x"],"msg":"Input should be a valid string","input":2}])");
    // TypeAdapter(dict[int,str]).validate_python(json.loads(text)): json.loads keeps the last
    auto dom = agent_engine::parse_json(text);
    BOOST_REQUIRE(dom);
    auto from_dom = agent_engine::from_dict<int_str>(dom.value());
    BOOST_REQUIRE(!from_dom);
    BOOST_TEST(test_support::compact(from_dom.error().details->at("errors")) ==
               "[" + one + R"({"type":"string_type","loc":["x"],"msg":"Input should be a valid string","input":2}])");
}

namespace keys {
// A stored document with maps (python mode: the original loaded checkpoints
// with model_validate(json.loads(text))):
//   class Counts(BaseModel):
//       sorted: dict[str, int] = {}
//       ordered: dict[str, int] = {}
//       hashed: dict[str, int] = {}
struct Counts {
    std::map<std::string, int> sorted;
    agent_engine::ordered_map<std::string, int> ordered;
    std::unordered_map<std::string, int> hashed;
};
BOOST_DESCRIBE_STRUCT(Counts, (), (sorted, ordered, hashed))
} // namespace keys

BOOST_AUTO_TEST_CASE(a_repeated_key_counts_once_with_its_last_value_in_python_mode)
{
    const agent_engine::read_options python{.mode = agent_engine::input_mode::python};
    auto error = [&](std::string_view member, std::string_view key, std::string_view input) {
        return R"({"type":"int_parsing","loc":[")" + std::string(member) + R"(",")" + std::string(key) +
               R"("],"msg":"Input should be a valid integer, unable to parse string as an integer","input":")" +
               std::string(input) + R"("})";
    };
    for (std::string_view member : {"sorted", "ordered", "hashed"}) {
        auto doc = [&](std::string_view pairs) { return "{\"" + std::string(member) + "\":{" + std::string(pairs) + "}}"; };
        // Counts.model_validate(json.loads('{"sorted":{"a":"x","a":1}}')) -> sorted={'a': 1}
        auto counts = read<keys::Counts>(doc(R"("a":"x","a":1)"), python);
        BOOST_TEST(written(counts).find(R"("a":1)") != std::string::npos);
        // ... '{"sorted":{"a":"x","b":"y","a":"z"}}': the last "a", at its first place
        BOOST_TEST(errors_of<keys::Counts>(doc(R"("a":"x","b":"y","a":"z")"), python) ==
                   "[" + error(member, "a", "z") + "," + error(member, "b", "y") + "]");
        // ... '{"sorted":{"b":"q","a":"x","b":2,"a":"z"}}'
        BOOST_TEST(errors_of<keys::Counts>(doc(R"("b":"q","a":"x","b":2,"a":"z")"), python) ==
                   "[" + error(member, "a", "z") + "]");
        // past max_errors too, the one kept is the last value's
        BOOST_TEST(errors_of<keys::Counts>(doc(R"("a":"x","b":"y","a":"z")"), {.max_errors = 1, .mode = python.mode}) ==
                   "[" + error(member, "a", "z") + "]");
        // Counts.model_validate_json(...): JSON mode reads every pair, in the text's order,
        // and keeps the last value.
        auto in_json = agent_engine::from_json<keys::Counts>(doc(R"("a":"x","b":"y","a":"z")"));
        BOOST_REQUIRE(!in_json);
        BOOST_TEST(test_support::compact(in_json.error().details->at("errors")) ==
                   "[" + error(member, "a", "x") + "," + error(member, "b", "y") + "," + error(member, "a", "z") + "]");
        auto last = agent_engine::from_json<keys::Counts>(doc(R"("a":1,"a":2)"));
        BOOST_REQUIRE(last);
        BOOST_TEST(written(last.value()).find(R"("a":2)") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(labels_name_the_key_type)
{
    BOOST_TEST(agent_engine::json_rule<int_str>::label() == "dict[int,str]");
    using by_color = agent_engine::ordered_map<keys::Color, int>;
    BOOST_TEST(agent_engine::json_rule<by_color>::label() == "dict[str-enum[Color],int]"); // pydantic's title
}

BOOST_AUTO_TEST_CASE(json_schema_has_pydantics_property_names)
{
    // Keys.model_json_schema()["properties"][name].get("propertyNames")
    auto schema = agent_engine::json_schema<keys::Keys>();
    auto const& props = schema.at("properties").as_object();
    auto names = [&](std::string_view member) {
        auto const* n = props.at(member).as_object().if_contains("propertyNames");
        return n ? test_support::compact(*n) : std::string("none");
    };
    BOOST_TEST(names("by_id") == "none");
    BOOST_TEST(names("small") == "none");
    BOOST_TEST(names("by_color") == R"({"$ref":"#/$defs/Color"})");
    BOOST_TEST(names("by_uuid") == R"({"format":"uuid"})");
    BOOST_TEST(names("by_day") == R"({"format":"date"})");
    BOOST_TEST(names("by_ticket") == "none");
    // "by_uuid": {"additionalProperties": {"type": "string"}, "default": {}, "propertyNames": {"format": "uuid"},
    //             "title": "By Uuid", "type": "object"}   (compared as values: key order aside)
    BOOST_TEST(props.at("by_uuid") == boost::json::parse(R"({"additionalProperties": {"type": "string"}, "default": {},
        "propertyNames": {"format": "uuid"}, "title": "By Uuid", "type": "object"})"));
    BOOST_TEST(schema.at("$defs").at("Color") ==
               boost::json::parse(R"({"enum": ["red", "green"], "title": "Color", "type": "string"})"));
}
