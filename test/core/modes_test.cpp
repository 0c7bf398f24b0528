// pydantic's lax and strict modes: what lax mode (the default) converts, and strict
// mode chosen per call (read_options::strict), per schema (AGENT_ENGINE_STRICT, as
// ConfigDict(strict=True)) and per member (strict(), as Field(strict=True)).
//
// Expected dumps and errors come from pydantic 2.13 (model_validate_json) on mirrors
// of these schemas: Scalars' integers carry their C++ range as ge / le, Level is an
// IntEnum, Color a str Enum.
#define BOOST_TEST_MODULE core_modes
#include "test_support.hpp"

#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

using test_support::errors_of;
using test_support::failure;
using test_support::read;
using test_support::written;

namespace modes {

enum class Color { red, green };
BOOST_DESCRIBE_ENUM(Color, red, green)

enum class Level { low = 1, high = 2 };
BOOST_DESCRIBE_ENUM(Level, low, high)
AGENT_ENGINE_INT_ENUM(Level)

struct Scalars {
    bool b = false;
    int i = 0;
    std::uint8_t small = 0;
    double d = 0;
    Color color = Color::red;
    Level level = Level::low;
    std::string s;
    std::optional<int> oi;
};
BOOST_DESCRIBE_STRUCT(Scalars, (), (b, i, small, d, color, level, s, oi))

struct Inner {
    int n = 0;
};
BOOST_DESCRIBE_STRUCT(Inner, (), (n))

struct StrictInner {
    int n = 0;
};
BOOST_DESCRIBE_STRUCT(StrictInner, (), (n))
AGENT_ENGINE_STRICT(StrictInner)

struct StrictOuter {
    int a = 0;
    Inner inner;
    StrictInner si;
};
BOOST_DESCRIBE_STRUCT(StrictOuter, (), (a, inner, si))
AGENT_ENGINE_STRICT(StrictOuter)

struct StrictChild : StrictOuter {
    int c = 0;
};
BOOST_DESCRIBE_STRUCT(StrictChild, (StrictOuter), (c))

struct LaxOuter {
    int a = 0;
    int fs = 0;
    std::optional<int> fo;
    StrictInner si;
};
BOOST_DESCRIBE_STRUCT(LaxOuter, (), (a, fs, fo, si))
AGENT_ENGINE_CONSTRAINTS(LaxOuter, fs, strict(), ge(0))
AGENT_ENGINE_CONSTRAINTS(LaxOuter, fo, strict())

struct IntBox {
    int x = 0;
};
BOOST_DESCRIBE_STRUCT(IntBox, (), (x))
struct TextBox {
    std::string x;
};
BOOST_DESCRIBE_STRUCT(TextBox, (), (x))

struct Unions {
    std::variant<std::int64_t, std::string> id = std::int64_t(0);
    std::variant<bool, double> flag = false;
    std::variant<IntBox, TextBox> box;
};
BOOST_DESCRIBE_STRUCT(Unions, (), (id, flag, box))

struct XBox {
    std::int64_t x = 0;
};
BOOST_DESCRIBE_STRUCT(XBox, (), (x))
struct YBox {
    std::int64_t y = 0;
};
BOOST_DESCRIBE_STRUCT(YBox, (), (y))
struct XYBox {
    std::int64_t x = 0;
    std::int64_t y = 0;
};
BOOST_DESCRIBE_STRUCT(XYBox, (), (x, y))
struct RealBox {
    double x = 0;
};
BOOST_DESCRIBE_STRUCT(RealBox, (), (x))

struct SmartUnions {
    std::variant<XBox, YBox> xy;
    std::variant<XBox, XYBox> wide;
    std::variant<RealBox, XBox> real;
    std::variant<double, std::int64_t> number = 0.0;
    std::variant<Color, std::string> color = Color::red;
    std::variant<std::vector<Color>, std::vector<std::string>> colors;
    std::variant<boost::json::value, std::int64_t> any;
    std::variant<std::set<std::int64_t>, std::vector<std::int64_t>> items;
};
BOOST_DESCRIBE_STRUCT(SmartUnions, (), (xy, wide, real, number, color, colors, any, items))

// Alternatives a JSON string, a key's text or an array of Any may read as.
struct TextUnions {
    std::variant<std::chrono::sys_seconds, std::string> when;
    std::variant<std::chrono::year_month_day, std::string> day;
    std::variant<std::chrono::seconds, std::string> span;
    std::variant<std::filesystem::path, std::string> path;
    std::variant<std::vector<std::byte>, std::string> bytes;
    std::variant<std::set<std::string>, std::vector<std::string>> names;
    std::variant<std::map<std::int64_t, std::string>, std::map<std::string, std::string>> keyed;
    std::variant<std::set<std::string>, boost::json::array> any_array;
    std::variant<std::set<std::string>, std::vector<boost::json::value>> any_items;
};
BOOST_DESCRIBE_STRUCT(TextUnions, (), (when, day, span, path, bytes, names, keyed, any_array, any_items))

} // namespace modes

using namespace modes;

BOOST_AUTO_TEST_CASE(lax_mode_converts_what_pydantic_converts)
{
    BOOST_TEST(written(read<Scalars>(
                   R"({"b":"yes","i":" 5 ","small":"200","d":"1_000.5","color":"green","level":"2","s":"x","oi":"3"})")) ==
               R"({"b":true,"i":5,"small":200,"d":1000.5,"color":"green","level":2,"s":"x","oi":3})");
    BOOST_TEST(written(read<Scalars>(R"({"b":0,"i":3.0,"small":true,"d":false,"level":true,"oi":"-0"})")) ==
               R"({"b":false,"i":3,"small":1,"d":0.0,"color":"red","level":1,"s":"","oi":0})");
}

BOOST_AUTO_TEST_CASE(lax_mode_refuses_with_pydantic_parsing_errors)
{
    auto e = failure<Scalars>(R"({"b":"maybe","i":"1.5","small":"300","d":"abc","level":"3","oi":2.5})");
    BOOST_TEST(test_support::compact(e.details->at("errors")) ==
               R"([{"type":"bool_parsing","loc":["b"],"msg":"Input should be a valid boolean, unable to interpret input","input":"maybe"},)"
               R"({"type":"int_parsing","loc":["i"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"1.5"},)"
               R"({"type":"less_than_equal","loc":["small"],"msg":"Input should be less than or equal to 255","input":"300","ctx":{"le":255}},)"
               R"({"type":"float_parsing","loc":["d"],"msg":"Input should be a valid number, unable to parse string as a number","input":"abc"},)"
               R"({"type":"enum","loc":["level"],"msg":"Input should be 1 or 2","input":"3","ctx":{"expected":"1 or 2"}},)"
               R"({"type":"int_from_float","loc":["oi"],"msg":"Input should be a valid integer, got a number with a fractional part","input":2.5}])");
    BOOST_TEST(e.message == "6 validation errors for Scalars\n"
                           "b\n"
                           "  Input should be a valid boolean, unable to interpret input [type=bool_parsing, input_value='maybe', input_type=str]\n"
                           "i\n"
                           "  Input should be a valid integer, unable to parse string as an integer [type=int_parsing, input_value='1.5', input_type=str]\n"
                           "small\n"
                           "  Input should be less than or equal to 255 [type=less_than_equal, input_value='300', input_type=str]\n"
                           "d\n"
                           "  Input should be a valid number, unable to parse string as a number [type=float_parsing, input_value='abc', input_type=str]\n"
                           "level\n"
                           "  Input should be 1 or 2 [type=enum, input_value='3', input_type=str]\n"
                           "oi\n"
                           "  Input should be a valid integer, got a number with a fractional part [type=int_from_float, input_value=2.5, input_type=float]");
    BOOST_TEST(errors_of<Scalars>(R"({"b":2,"i":"x","small":1e20,"d":null,"s":5})") ==
               R"([{"type":"bool_parsing","loc":["b"],"msg":"Input should be a valid boolean, unable to interpret input","input":2},)"
               R"({"type":"int_parsing","loc":["i"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"},)"
               R"({"type":"int_parsing_size","loc":["small"],"msg":"Unable to parse input string as an integer, exceeded maximum size","input":1e+20},)"
               R"({"type":"float_type","loc":["d"],"msg":"Input should be a valid number","input":null},)"
               R"({"type":"string_type","loc":["s"],"msg":"Input should be a valid string","input":5}])");
}

// The strings and numbers a lax bool takes, in any case, and those it refuses.
BOOST_AUTO_TEST_CASE(lax_bool_reads_pydantic_words)
{
    for (const char* yes : {R"("true")", R"("TRUE")", R"("Yes")", R"("on")", R"("1")", R"("t")", R"("y")", "1", "1.0"})
        BOOST_TEST(read<Scalars>(std::string(R"({"b":)") + yes + "}").b, yes);
    for (const char* no : {R"("false")", R"("No")", R"("OFF")", R"("0")", R"("f")", R"("n")", "0", "-0.0"})
        BOOST_TEST(!read<Scalars>(std::string(R"({"b":true,"b":)") + no + "}").b, no);
    // an integral number other than 0 and 1, or a string other than those: bool_parsing;
    // a fraction, a number past 64 bits, null: bool_type
    for (const char* parsing : {"2", "2.0", "-1", R"(" true")", R"("01")", R"("")"})
        BOOST_TEST(failure<Scalars>(std::string(R"({"b":)") + parsing + "}").details->at("errors").at(0).at("type") ==
                       "bool_parsing",
                   parsing);
    for (const char* type : {"1.5", "1e20", "null", "[]"})
        BOOST_TEST(failure<Scalars>(std::string(R"({"b":)") + type + "}").details->at("errors").at(0).at("type") ==
                       "bool_type",
                   type);
}

// A string read as a number in lax mode, as pydantic 2.13 reads it (not quite
// Python's float(): Unicode whitespace as Rust's trim has it, underscores
// anywhere but at the ends or doubled, inf / infinity / nan in any case, no
// "nan(...)"). Each row is what TypeAdapter(float) and TypeAdapter(int) gave,
// by validate_python(s) and validate_json(json.dumps(s)) alike.
BOOST_AUTO_TEST_CASE(lax_number_text_is_read_as_pydantic_reads_it)
{
    constexpr std::optional<double> no_float;
    constexpr std::optional<long long> no_int;
    constexpr double inf = std::numeric_limits<double>::infinity();
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    struct row {
        const char* json;
        std::optional<double> as_float;
        std::optional<long long> as_int;
    };
    const row rows[] = {
        {R"x("nan(123)")x", no_float, no_int},
        {R"x("nan()")x", no_float, no_int},
        {R"x("-nan(1)")x", no_float, no_int},
        {R"x("infinity(1)")x", no_float, no_int},
        {R"x("NaN")x", nan, no_int},
        {R"x("+NAN")x", nan, no_int},
        {R"x("-Inf")x", -inf, no_int},
        {R"x("+infinity")x", inf, no_int},
        {R"x("INFINITY")x", inf, no_int},
        {R"x("infinit")x", no_float, no_int},
        {R"x("infinityy")x", no_float, no_int},
        {R"x("in f")x", no_float, no_int},
        {R"x("i_nf")x", inf, no_int},
        {R"x("1_000.5")x", 1000.5, no_int},
        {R"x("1__0")x", no_float, no_int},
        {R"x("_1")x", no_float, no_int},
        {R"x("1_")x", no_float, no_int},
        {R"x("-_1")x", -1.0, no_int},
        {R"x("1_.5")x", 1.5, no_int},
        {R"x("1._5")x", 1.5, no_int},
        {R"x("1e_10")x", 10000000000.0, no_int},
        {R"x("1_0.0_1e1_0")x", 100100000000.0, no_int},
        {R"x("1e5_")x", no_float, no_int},
        {R"x("1.5e")x", no_float, no_int},
        {R"x("0x10")x", no_float, no_int},
        {R"x("0x1p3")x", no_float, no_int},
        {R"x("-.e1")x", no_float, no_int},
        {R"x("+.5")x", 0.5, no_int},
        {R"x("5.")x", 5.0, no_int},
        {R"x("1e400")x", inf, no_int},
        {R"x("1e-400")x", 0.0, no_int},
        {R"x("1.5e400")x", inf, no_int},
        {R"x("-2.5e400")x", -inf, no_int},
        {R"x("1e+400")x", inf, no_int},
        {R"x("0.5e-330")x", 0.0, no_int},
        {R"x("99e-330")x", 0.0, no_int},
        {R"x("1.5f")x", no_float, no_int},
        {R"x("1,5")x", no_float, no_int},
        {R"x("+-1")x", no_float, no_int},
        {R"x("")x", no_float, no_int},
        {R"x(" _1")x", no_float, no_int},
        {R"x("\t5\n")x", 5.0, 5},
        {R"x("\u00a05")x", 5.0, 5},
        {R"x("\u20035")x", 5.0, 5},
        {R"x("5\u2028")x", 5.0, 5},
        {R"x("\u30005")x", 5.0, 5},
        {R"x("\u000b5")x", 5.0, 5},
        {R"x("\u00855")x", 5.0, 5},
        {R"x("\u001c5")x", no_float, no_int},
        {R"x("\u180e5")x", no_float, no_int},
        {R"x("\ufeff5")x", no_float, no_int},
        {R"x("\u00a0")x", no_float, no_int},
        {R"x("\u0661\u0662")x", no_float, no_int},
        {R"x("1_000")x", 1000.0, 1000},
        {R"x("0_1")x", 1.0, 1},
        {R"x("1.0")x", 1.0, 1},
        {R"x("1.00")x", 1.0, 1},
        {R"x("1.5")x", 1.5, no_int},
        {R"x("1e3")x", 1000.0, no_int},
    };
    for (auto const& [json, as_float, as_int] : rows) {
        BOOST_TEST_CONTEXT(json)
        {
            std::string d = std::string(R"({"d":)") + json + "}";
            std::string i = std::string(R"({"i":)") + json + "}";
            if (!as_float)
                BOOST_TEST(failure<Scalars>(d).details->at("errors").at(0).at("type") == "float_parsing");
            else if (std::isnan(*as_float))
                BOOST_TEST(std::isnan(read<Scalars>(d).d));
            else
                BOOST_TEST(read<Scalars>(d).d == *as_float);
            if (!as_int)
                BOOST_TEST(failure<Scalars>(i).details->at("errors").at(0).at("type") == "int_parsing");
            else
                BOOST_TEST(read<Scalars>(i).i == *as_int);
        }
    }
    BOOST_TEST(read<Scalars>(R"({"d":" -1_0e1_0 "})").d == -1e11);
}

BOOST_AUTO_TEST_CASE(strict_per_call_refuses_every_conversion)
{
    const agent_engine::read_options strict{.strict = true};
    BOOST_TEST(errors_of<Scalars>(R"({"b":1,"i":3.0,"small":"1","d":"1.5","level":1.0,"color":"green","oi":true})", strict) ==
               R"([{"type":"bool_type","loc":["b"],"msg":"Input should be a valid boolean","input":1},)"
               R"({"type":"int_type","loc":["i"],"msg":"Input should be a valid integer","input":3.0},)"
               R"({"type":"int_type","loc":["small"],"msg":"Input should be a valid integer","input":"1"},)"
               R"({"type":"float_type","loc":["d"],"msg":"Input should be a valid number","input":"1.5"},)"
               R"({"type":"enum","loc":["level"],"msg":"Input should be 1 or 2","input":1.0,"ctx":{"expected":"1 or 2"}},)"
               R"({"type":"int_type","loc":["oi"],"msg":"Input should be a valid integer","input":true}])");
    // what strict mode takes: each type's own JSON kind (an integer for a float too)
    BOOST_TEST(written(read<Scalars>(R"({"b":true,"i":-3,"small":7,"d":2,"color":"green","level":2,"s":"x"})", strict)) ==
               R"({"b":true,"i":-3,"small":7,"d":2.0,"color":"green","level":2,"s":"x","oi":null})");
    // the call's strict mode reaches every schema and member
    BOOST_TEST(errors_of<StrictOuter>(R"({"inner":{"n":"1"}})", strict) ==
               R"([{"type":"int_type","loc":["inner","n"],"msg":"Input should be a valid integer","input":"1"}])");
}

// ConfigDict(strict=True) is about the model's own fields: a nested model without
// one is lax, one with its own is strict wherever it is held; a subclass inherits it.
BOOST_AUTO_TEST_CASE(strict_schema_reads_its_own_members_strictly)
{
    BOOST_TEST(errors_of<StrictOuter>(R"({"a":"1"})") ==
               R"([{"type":"int_type","loc":["a"],"msg":"Input should be a valid integer","input":"1"}])");
    BOOST_TEST(read<StrictOuter>(R"({"inner":{"n":"1"}})").inner.n == 1);
    BOOST_TEST(errors_of<StrictOuter>(R"({"si":{"n":"1"}})") ==
               R"([{"type":"int_type","loc":["si","n"],"msg":"Input should be a valid integer","input":"1"}])");
    BOOST_TEST(errors_of<LaxOuter>(R"({"si":{"n":"1"}})") ==
               R"([{"type":"int_type","loc":["si","n"],"msg":"Input should be a valid integer","input":"1"}])");
    BOOST_TEST(errors_of<StrictChild>(R"({"c":"1","a":2})") ==
               R"([{"type":"int_type","loc":["c"],"msg":"Input should be a valid integer","input":"1"}])");
}

// Field(strict=True): the member alone, an optional one too; its other constraints still apply.
BOOST_AUTO_TEST_CASE(strict_member_reads_strictly_in_a_lax_schema)
{
    BOOST_TEST(read<LaxOuter>(R"({"a":"1","fo":null})").a == 1);
    BOOST_TEST(errors_of<LaxOuter>(R"({"fs":"1","fo":"2"})") ==
               R"([{"type":"int_type","loc":["fs"],"msg":"Input should be a valid integer","input":"1"},)"
               R"({"type":"int_type","loc":["fo"],"msg":"Input should be a valid integer","input":"2"}])");
    BOOST_TEST(errors_of<LaxOuter>(R"({"fs":-1})") ==
               R"([{"type":"greater_than_equal","loc":["fs"],"msg":"Input should be greater than or equal to 0","input":-1,"ctx":{"ge":0}}])");
    BOOST_TEST(read<LaxOuter>(R"({"fs":4,"fo":5})").fo.value_or(0) == 5);
}

// A union in lax mode takes an alternative that reads the input strictly before
// one that converts it, as pydantic's smart mode does.
BOOST_AUTO_TEST_CASE(lax_union_prefers_an_exact_alternative)
{
    BOOST_TEST(written(read<Unions>(R"({"id":"5","flag":1})")) == R"({"id":"5","flag":1.0,"box":{"x":0}})");
    BOOST_TEST(written(read<Unions>(R"({"id":5.0,"flag":"true"})")) == R"({"id":5,"flag":true,"box":{"x":0}})");
    // the strict pass is strict inside the alternatives' schemas too
    BOOST_TEST(read<Unions>(R"({"box":{"x":"5"}})").box.index() == 1u);
    BOOST_TEST(read<Unions>(R"({"box":{"x":5}})").box.index() == 0u);
    // a strict call reads the union in its strict pass alone
    BOOST_TEST(read<Unions>(R"({"box":{"x":"5"}})", {.strict = true}).box.index() == 1u);
    BOOST_TEST(errors_of<Unions>(R"({"flag":"x"})") ==
               R"([{"type":"bool_parsing","loc":["flag","bool"],"msg":"Input should be a valid boolean, unable to interpret input","input":"x"},)"
               R"({"type":"float_parsing","loc":["flag","float"],"msg":"Input should be a valid number, unable to parse string as a number","input":"x"}])");
}

// pydantic's smart mode past the first strict match: an exact match wins at once,
// else the schema whose input set the most members, else the closest match, else
// the leftmost. Each expectation is what pydantic 2.13 picks for the same models.
BOOST_AUTO_TEST_CASE(smart_union_picks_the_closest_alternative)
{
    // most members set
    BOOST_TEST(read<SmartUnions>(R"({"xy":{"y":5}})").xy.index() == 1u);
    BOOST_TEST(read<SmartUnions>(R"({"wide":{"x":1,"y":2}})").wide.index() == 1u);
    // as many members set: the closer match (YBox reads x as an extra key), else the leftmost
    BOOST_TEST(read<SmartUnions>(R"({"xy":{"x":"1","y":2}})").xy.index() == 1u);
    BOOST_TEST(read<SmartUnions>(R"({"xy":{"x":1,"y":5}})").xy.index() == 0u);
    BOOST_TEST(read<SmartUnions>(R"({"xy":{}})").xy.index() == 0u);
    BOOST_TEST(read<SmartUnions>(R"({"wide":{"x":1}})").wide.index() == 0u);
    BOOST_TEST(read<SmartUnions>(R"({"real":{"x":1}})").real.index() == 0u);
    BOOST_TEST(read<SmartUnions>(R"({"real":{"x":"1"}})").real.index() == 0u);
    // an integer is an exact int, a float only in strict mode's sense
    BOOST_TEST(read<SmartUnions>(R"({"number":1})").number.index() == 1u);
    BOOST_TEST(read<SmartUnions>(R"({"number":1.0})").number.index() == 0u);
    BOOST_TEST(read<SmartUnions>(R"({"number":"1"})").number.index() == 0u);
    // an enum read from its value is a lax match, Any a strict one
    BOOST_TEST(read<SmartUnions>(R"({"color":"red"})").color.index() == 1u);
    BOOST_TEST(read<SmartUnions>(R"({"colors":["red"]})").colors.index() == 1u);
    BOOST_TEST(read<SmartUnions>(R"({"any":5})").any.index() == 1u);
    BOOST_TEST(read<SmartUnions>(R"({"any":"5"})").any.index() == 0u);
    // an array is exactly a list, a set only in strict mode's sense
    BOOST_TEST(read<SmartUnions>(R"({"items":[1,1]})").items.index() == 1u);
    // the same in a strict call
    BOOST_TEST(read<SmartUnions>(R"({"xy":{"y":5},"number":1})", {.strict = true}).xy.index() == 1u);
    BOOST_TEST(read<SmartUnions>(R"({"number":1})", {.strict = true}).number.index() == 1u);
}

// How each mode rates a value read from text. pydantic 2.13's JSON mode rates a str,
// a date-time, a date, a duration, a path or bytes read from a JSON string a strict
// match (python mode: a str is exact, the others lax), an int map key read from its
// text a lax one in both modes, and a list[Any] an exact one in both. Each index is
// what TypeAdapter(Union[...]).validate_json / validate_python of pydantic 2.13 picks.
BOOST_AUTO_TEST_CASE(smart_union_rates_text_as_each_mode_of_pydantic_does)
{
    using agent_engine::input_mode;
    auto picked = [](std::string_view text, input_mode mode) {
        TextUnions u = read<TextUnions>(text, {.mode = mode});
        std::size_t indexes[] = {u.when.index(),  u.day.index(),   u.span.index(),      u.path.index(),     u.bytes.index(),
                                 u.names.index(), u.keyed.index(), u.any_array.index(), u.any_items.index()};
        std::string out;
        for (std::size_t i : indexes)
            out += std::to_string(i);
        return out;
    };
    // JSON mode: str and the text types tie as strict matches, so the leftmost wins;
    // the int key (lax) loses to the str key (strict); list[Any] beats set[str] (strict)
    std::string input = R"({"when":"2020-01-01T00:00:00Z","day":"2020-01-01","span":"P1D","path":"a","bytes":"a",)"
                        R"("names":["a"],"keyed":{"1":"a"},"any_array":["a"],"any_items":["a"]})";
    BOOST_TEST(picked(input, input_mode::json) == "000000111");
    // python mode: the exact str wins over each lax conversion, the list over the set
    BOOST_TEST(picked(input, input_mode::python) == "111111111");
}
