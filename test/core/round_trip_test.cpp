// Round trips of every supported type: to_dict/to_json give the exact JSON, and
// from_dict/from_json give back an equal object.
#define BOOST_TEST_MODULE core_round_trip
#include "test_support.hpp"

#include <agent_engine/core/detail/json_scan.hpp>

#include <boost/json/serialize.hpp>
#include <boost/mpl/list.hpp>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <list>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

using test_support::check_round_trip;
using test_support::read;
using test_support::written;

// std::monostate has no rule of its own; a variant that may be empty uses it, so
// give it the rule a downstream developer would: null both ways.
template <> struct agent_engine::json_rule<std::monostate> {
    template <class Writer> static void write(Writer& w, std::monostate) { w.null(); }
    template <class Reader> static void read(Reader& r, std::monostate&, validation_context& ctx)
    {
        if (r.kind() == boost::json::kind::null)
            r.skip();
        else
            ctx.fail("none_required", "Input should be None", r.capture());
    }
    static std::string label() { return "none"; }
};

namespace rt {

enum class Status { pending, running, completed, failed };
BOOST_DESCRIBE_ENUM(Status, pending, running, completed, failed)

struct Point {
    int x = 0;
    int y = 0;
    bool operator==(const Point&) const = default;
};
BOOST_DESCRIBE_STRUCT(Point, (), (x, y))

struct Scalars {
    bool flag = false;
    std::int8_t i8 = 0;
    std::uint8_t u8 = 0;
    std::int16_t i16 = 0;
    std::uint16_t u16 = 0;
    std::int32_t i32 = 0;
    std::uint32_t u32 = 0;
    std::int64_t i64 = 0;
    std::uint64_t u64 = 0;
    float f = 0;
    double d = 0;
    std::string s;
    Status status = Status::pending;
    bool operator==(const Scalars&) const = default;
};
BOOST_DESCRIBE_STRUCT(Scalars, (), (flag, i8, u8, i16, u16, i32, u32, i64, u64, f, d, s, status))

struct Optionals {
    std::optional<int> n;
    std::optional<std::string> s;
    std::optional<Point> p;
    bool operator==(const Optionals&) const = default;
};
BOOST_DESCRIBE_STRUCT(Optionals, (), (n, s, p))

struct OptionalWithDefault {
    std::optional<int> n = 5;
};
BOOST_DESCRIBE_STRUCT(OptionalWithDefault, (), (n))

struct Containers {
    std::vector<int> v;
    std::deque<std::string> dq;
    std::list<double> l;
    std::vector<bool> bits;
    std::vector<Point> points;
    std::vector<std::vector<int>> nested;
    std::map<std::string, int> sorted;
    std::unordered_map<std::string, Point> hashed;
    agent_engine::ordered_map<std::string, int> ordered;
    bool operator==(const Containers&) const = default;
};
BOOST_DESCRIBE_STRUCT(Containers, (), (v, dq, l, bits, points, nested, sorted, hashed, ordered))

struct Outer {
    std::string name;
    Point at;
    std::vector<Point> path;
    bool operator==(const Outer&) const = default;
};
BOOST_DESCRIBE_STRUCT(Outer, (), (name, at, path))

struct Base {
    std::string id;
    int version = 1;
};
BOOST_DESCRIBE_STRUCT(Base, (), (id, version))

struct Middle : Base {
    Status status = Status::pending;
};
BOOST_DESCRIBE_STRUCT(Middle, (Base), (status))

struct Derived : Middle {
    std::string note;
    bool operator==(const Derived& o) const
    {
        return id == o.id && version == o.version && status == o.status && note == o.note;
    }
};
BOOST_DESCRIBE_STRUCT(Derived, (Middle), (note))

struct Arbitrary {
    boost::json::value any;
    boost::json::object obj;
    boost::json::array arr;
    bool operator==(const Arbitrary&) const = default;
};
BOOST_DESCRIBE_STRUCT(Arbitrary, (), (any, obj, arr))

struct WithVariant {
    std::variant<int, std::string> v;
    std::variant<std::monostate, Point, std::vector<int>> w;
    bool operator==(const WithVariant&) const = default;
};

BOOST_DESCRIBE_STRUCT(WithVariant, (), (v, w))

} // namespace rt

BOOST_AUTO_TEST_CASE(bool_both_values)
{
    check_round_trip(true, "true");
    check_round_trip(false, "false");
}

using integer_types = boost::mpl::list<std::int8_t, std::uint8_t, std::int16_t, std::uint16_t, std::int32_t,
                                       std::uint32_t, std::int64_t, std::uint64_t>;

BOOST_AUTO_TEST_CASE_TEMPLATE(integer_extremes, T, integer_types)
{
    using limits = std::numeric_limits<T>;
    // + promotes the 8-bit types, which to_string would otherwise take as char codes
    check_round_trip(limits::min(), std::to_string(+limits::min()));
    check_round_trip(limits::max(), std::to_string(+limits::max()));
    check_round_trip(T{0}, "0");
}

BOOST_AUTO_TEST_CASE(integer_extremes_spelled_out)
{
    check_round_trip(std::numeric_limits<std::int64_t>::min(), "-9223372036854775808");
    check_round_trip(std::numeric_limits<std::uint64_t>::max(), "18446744073709551615");
}

BOOST_AUTO_TEST_CASE(integers_accept_an_integral_float)
{
    BOOST_TEST(read<int>("3.0") == 3);
    BOOST_TEST(read<std::uint8_t>("255.0") == 255);
    BOOST_TEST(read<std::int64_t>("-0.0") == 0);
    BOOST_TEST(read<std::int64_t>("-9223372036854774784.0") == -9223372036854774784);
    // -2^63 as a float is refused: the integer literal -9223372036854775809 reads
    // as the same double, and must not silently become INT64_MIN (errors_test).
    BOOST_TEST(!agent_engine::from_json<std::int64_t>("-9223372036854775808.0").has_value());
    // pydantic's lax int takes a float strictly inside int64 only, whatever the
    // member: 1e19 is int_parsing_size for a uint64 too (errors_test).
    BOOST_TEST(read<std::uint64_t>("9223372036854774784.0") == 9223372036854774784ull);
    BOOST_TEST(!agent_engine::from_json<std::uint64_t>("1e19").has_value());
}

BOOST_AUTO_TEST_CASE(floating_point)
{
    check_round_trip(0.1, "0.1");
    check_round_trip(1.5, "1.5");
    check_round_trip(3.0, "3.0");
    check_round_trip(-2.5e-300, "-2.5e-300");
    check_round_trip(std::numeric_limits<double>::max(), "1.7976931348623157e+308");
    // a float is written as the double it widens to, which reads back as the same float
    check_round_trip(0.1f, "0.10000000149011612");
    check_round_trip(0.5f, "0.5");
    // an integral JSON number is a valid double or float
    BOOST_TEST(read<double>("3") == 3.0);
    BOOST_TEST(read<double>("18446744073709551615") == 18446744073709551615.0);
    BOOST_TEST(read<float>("-7") == -7.0f);
}

// A decimal reads as the double std::from_chars gives it (correctly rounded),
// whichever way the reader takes (short ones by one IEEE operation, the rest
// by from_chars), from text whole or through a source's window. Bits
// compared, so -0.0 and every last digit count.
BOOST_AUTO_TEST_CASE(decimals_read_as_from_chars_reads_them)
{
    auto check = [](const std::string& text) {
        double expected = 0;
        BOOST_REQUIRE(std::from_chars(text.data(), text.data() + text.size(), expected).ec == std::errc());
        for (auto r : {agent_engine::from_json<double>(text),
                       agent_engine::from_json<double>(test_support::trickle_source(text))}) {
            BOOST_REQUIRE_MESSAGE(r.has_value(), text);
            BOOST_TEST(std::bit_cast<std::uint64_t>(r.value()) == std::bit_cast<std::uint64_t>(expected), text);
        }
    };
    // the edges of one operation: 15 digits, 10^22, and just past each
    for (std::string text : {"123456789012345e-3", "999999999999999.9", "99999999999999.9e22", "1234567890123456e0",
                             "9007199254740993.0", "-9007199254740993e0", "1e22", "1e23", "123e5", "1e-22", "1e-23",
                             "123e-24", "0.1e-21", "4.9406564584124654e-324", "0.1234567890123456789",
                             "0.0000000000000000001", "-0.0", "-0.0e5", "0e-400", "2.2250738585072011e-308",
                             "1.7976931348623157e308", "0.1", "0.3", "8.5", "1E+2", "5e-0", "0.000001",
                             "1e0000000000000000000000005", "25e-0000000000000000000000003"})
        check(text);
    // random decimals of 1 to 21 digits, the point anywhere, exponents around the edges
    std::mt19937_64 rng(20261206);
    auto below = [&](unsigned n) { return static_cast<unsigned>(rng() % n); };
    for (int i = 0; i < 20000; ++i) {
        std::string digits(1 + below(21), '0');
        for (char& c : digits)
            c = static_cast<char>('0' + below(10));
        std::size_t point = 1 + below(static_cast<unsigned>(digits.size()));
        std::string text = below(2) ? "-" : "";
        std::string integer = digits.substr(0, point);
        text += integer.size() > 1 && integer[0] == '0' ? "1" + integer.substr(1) : integer;
        text += "." + (point < digits.size() ? digits.substr(point) : "5");
        if (below(2))
            text += (below(2) ? "e" : "E") + std::to_string(static_cast<int>(below(61)) - 30);
        check(text);
    }
}

// Beyond a double's range, the value's magnitude decides, not the exponent's
// sign: too small reads as zero, too large as infinity, as Python's json.loads
// reads them. An integer too large is an error: Python keeps it exact.
BOOST_AUTO_TEST_CASE(numbers_beyond_a_double_by_magnitude)
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    BOOST_TEST(read<double>("1e-400") == 0.0);
    BOOST_TEST(read<double>("0." + std::string(400, '0') + "1") == 0.0);
    BOOST_TEST(read<double>("1000e-403") == 0.0);
    BOOST_TEST(read<double>("1e400") == inf);
    BOOST_TEST(read<double>("-1" + std::string(400, '0') + ".5") == -inf);
    BOOST_TEST(read<double>("1" + std::string(400, '0') + "e-10") == inf);
    // the exponent and the digits together: long runs of zeros against a long exponent
    BOOST_TEST(read<double>("0." + std::string(20000, '0') + "1e20400") == inf);
    BOOST_TEST(read<double>("1" + std::string(20000, '0') + "e-20400") == 0.0);
    BOOST_TEST(read<double>("-0." + std::string(20000, '0') + "1e20400") == -inf);
    // an exponent beyond any int still reads by its magnitude, and one beyond
    // any 64-bit integer too (it saturates)
    BOOST_TEST(read<double>("1e4294967301") == inf);
    BOOST_TEST(std::bit_cast<std::uint64_t>(read<double>("-1e-4294967301")) == std::bit_cast<std::uint64_t>(-0.0));
    BOOST_TEST(read<double>("1e99999999999999999999") == inf);
    BOOST_TEST(std::bit_cast<std::uint64_t>(read<double>("-1e-99999999999999999999")) ==
               std::bit_cast<std::uint64_t>(-0.0));
    for (std::string big : {"1" + std::string(400, '0'), "-1" + std::string(400, '0')}) {
        auto r = agent_engine::from_json<double>(big);
        BOOST_REQUIRE(r.has_error());
        BOOST_TEST((r.error().code == agent_engine::EngineErrorCode::json));
        BOOST_TEST(r.error().message == "Invalid JSON: number out of range at line 1, column 1 (char 0)");
    }
}

// NaN and the infinities, as json.dumps writes a float's and json.loads reads
// them: the original's checkpoints hold them. In a free-form value they are
// written null, as pydantic dumps Any; serialize writes them as json.dumps does.
BOOST_AUTO_TEST_CASE(non_finite_floats_as_python_writes_them)
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    check_round_trip(inf, "Infinity");
    check_round_trip(-inf, "-Infinity");
    check_round_trip(std::vector<double>{inf, 1.5, -inf}, "[Infinity,1.5,-Infinity]");
    BOOST_TEST(written(std::numeric_limits<double>::quiet_NaN()) == "NaN");
    BOOST_TEST(std::isnan(read<double>("NaN")));
    BOOST_TEST(std::isnan(agent_engine::from_dict<double>(agent_engine::parse_json("NaN").value()).value()));

    auto any = agent_engine::parse_json(R"([NaN, Infinity, -Infinity, {"x": 1e999}])").value();
    BOOST_TEST(written(any) == "[null,null,null,{\"x\":null}]");
    BOOST_TEST(agent_engine::serialize(agent_engine::to_dict(any), agent_engine::json_format::compact()) ==
               "[null,null,null,{\"x\":null}]");
    BOOST_TEST(agent_engine::serialize(any, agent_engine::json_format::compact()) ==
               "[NaN,Infinity,-Infinity,{\"x\":Infinity}]");

    // Read through a source's window, wherever the window ends in the word.
    for (std::size_t pad = 0; pad < 9; ++pad) {
        std::string text = std::string(pad, ' ') + "[-Infinity,NaN,Infinity,2]";
        auto r = agent_engine::from_json<std::vector<double>>(test_support::trickle_source(text));
        BOOST_REQUIRE_MESSAGE(r.has_value(), text);
        BOOST_TEST(written(r.value()) == "[-Infinity,NaN,Infinity,2.0]");
        auto cut = agent_engine::from_json<std::vector<double>>(test_support::trickle_source(text.substr(0, pad + 13)));
        BOOST_REQUIRE(cut.has_error());
        BOOST_TEST(cut.error().details->at("reason") == "incomplete JSON");
    }

    // Only these spellings, as json.loads: not Python's float() words.
    for (std::string bad : {"nan", "-NaN", "+Infinity", "Inf", "-Inf", "infinity", "Infinit", "NaNa", "-"}) {
        auto r = agent_engine::from_json<double>(bad);
        BOOST_REQUIRE_MESSAGE(r.has_error(), bad);
        BOOST_TEST((r.error().code == agent_engine::EngineErrorCode::json), bad);
    }
}

BOOST_AUTO_TEST_CASE(negative_zero_keeps_its_sign)
{
    BOOST_TEST(written(-0.0) == "-0.0");
    BOOST_TEST(std::signbit(read<double>("-0.0")));
}

BOOST_AUTO_TEST_CASE(strings)
{
    check_round_trip(std::string(), R"("")");
    check_round_trip(std::string("plain"), R"("plain")");
    check_round_trip(std::string("quote \" backslash \\ newline \n"), R"("quote \" backslash \\ newline \n")");
    check_round_trip(std::string("caf\xc3\xa9 \xf0\x9f\x98\x80"), R"("caf\u00e9 \ud83d\ude00")");
}

BOOST_AUTO_TEST_CASE(enums_as_names)
{
    check_round_trip(rt::Status::pending, R"("pending")");
    check_round_trip(rt::Status::failed, R"("failed")");
}

BOOST_AUTO_TEST_CASE(every_scalar_as_a_member)
{
    rt::Scalars s{true,
                  std::numeric_limits<std::int8_t>::min(),
                  std::numeric_limits<std::uint8_t>::max(),
                  std::numeric_limits<std::int16_t>::min(),
                  std::numeric_limits<std::uint16_t>::max(),
                  std::numeric_limits<std::int32_t>::min(),
                  std::numeric_limits<std::uint32_t>::max(),
                  std::numeric_limits<std::int64_t>::min(),
                  std::numeric_limits<std::uint64_t>::max(),
                  0.25f,
                  1e-05,
                  "s",
                  rt::Status::running};
    check_round_trip(s, R"({"flag":true,"i8":-128,"u8":255,"i16":-32768,"u16":65535,"i32":-2147483648,)"
                        R"("u32":4294967295,"i64":-9223372036854775808,"u64":18446744073709551615,)"
                        R"("f":0.25,"d":1e-05,"s":"s","status":"running"})");
}

BOOST_AUTO_TEST_CASE(optionals)
{
    check_round_trip(rt::Optionals{}, R"({"n":null,"s":null,"p":null})");
    check_round_trip(rt::Optionals{0, "", rt::Point{1, 2}}, R"({"n":0,"s":"","p":{"x":1,"y":2}})");
    check_round_trip(std::optional<int>{}, "null");
    check_round_trip(std::optional<int>{7}, "7");

    // null and a missing key both give nullopt
    BOOST_TEST((read<rt::Optionals>(R"({"n": null, "s": null, "p": null})") == rt::Optionals{}));
    BOOST_TEST((read<rt::Optionals>("{}") == rt::Optionals{}));
    // null clears an in-class default; a missing key keeps it (pydantic: `n: Optional[int] = 5`)
    BOOST_TEST(!read<rt::OptionalWithDefault>(R"({"n": null})").n.has_value());
    BOOST_TEST((read<rt::OptionalWithDefault>("{}").n == std::optional<int>(5)));
}

BOOST_AUTO_TEST_CASE(sequences_maps_and_ordered_maps)
{
    rt::Containers empty;
    check_round_trip(empty, R"({"v":[],"dq":[],"l":[],"bits":[],"points":[],"nested":[],)"
                            R"("sorted":{},"hashed":{},"ordered":{}})");

    rt::Containers c;
    c.v = {1, -2, 3};
    c.dq = {"a", "b"};
    c.l = {0.5, 2.0};
    c.bits = {true, false, true};
    c.points = {{1, 2}, {3, 4}};
    c.nested = {{}, {1}, {2, 3}};
    c.sorted = {{"b", 2}, {"a", 1}};
    c.hashed = {{"only", {5, 6}}};
    c.ordered = {{"z", 1}, {"a", 2}, {"m", 3}};
    check_round_trip(c, R"({"v":[1,-2,3],"dq":["a","b"],"l":[0.5,2.0],"bits":[true,false,true],)"
                        R"("points":[{"x":1,"y":2},{"x":3,"y":4}],"nested":[[],[1],[2,3]],)"
                        R"("sorted":{"a":1,"b":2},"hashed":{"only":{"x":5,"y":6}},"ordered":{"z":1,"a":2,"m":3}})");
}

BOOST_AUTO_TEST_CASE(ordered_map_keeps_input_order_std_map_sorts)
{
    auto ordered = read<agent_engine::ordered_map<std::string, int>>(R"({"b": 1, "c": 2, "a": 3})");
    BOOST_TEST(written(ordered) == R"({"b":1,"c":2,"a":3})");
    auto sorted = read<std::map<std::string, int>>(R"({"b": 1, "c": 2, "a": 3})");
    BOOST_TEST(written(sorted) == R"({"a":3,"b":1,"c":2})");
}

BOOST_AUTO_TEST_CASE(a_repeated_key_in_a_map_keeps_the_last_value)
{
    auto m = read<agent_engine::ordered_map<std::string, std::vector<int>>>(R"({"a": [1, 2], "b": [], "a": [3]})");
    BOOST_TEST(written(m) == R"({"a":[3],"b":[]})");
}

BOOST_AUTO_TEST_CASE(nested_structs)
{
    check_round_trip(rt::Outer{"route", {1, 2}, {{3, 4}, {5, 6}}},
                     R"({"name":"route","at":{"x":1,"y":2},"path":[{"x":3,"y":4},{"x":5,"y":6}]})");
}

BOOST_AUTO_TEST_CASE(base_members_come_first)
{
    rt::Derived d;
    d.id = "t1";
    d.version = 2;
    d.status = rt::Status::completed;
    d.note = "n";
    check_round_trip(d, R"({"id":"t1","version":2,"status":"completed","note":"n"})");
    // input order does not matter for reading
    BOOST_TEST((read<rt::Derived>(R"({"note": "n", "status": "completed", "version": 2, "id": "t1"})") == d));
}

BOOST_AUTO_TEST_CASE(arbitrary_json_members)
{
    rt::Arbitrary a;
    a.any = boost::json::parse(R"({"k": [1, 2.5, "s", null, true, {"deep": {}}]})");
    a.obj = boost::json::parse(R"({"b": 1, "a": [2]})").as_object();
    a.arr = boost::json::parse(R"([{}, [], "x"])").as_array();
    check_round_trip(a, R"({"any":{"k":[1,2.5,"s",null,true,{"deep":{}}]},"obj":{"b":1,"a":[2]},"arr":[{},[],"x"]})");
    // a json::value member takes anything, scalars included
    BOOST_TEST(read<rt::Arbitrary>(R"({"any": 5})").any == boost::json::value(5));
    BOOST_TEST(read<rt::Arbitrary>(R"({"any": null})").any.is_null());
}

BOOST_AUTO_TEST_CASE(variants_pick_the_closest_alternative)
{
    check_round_trip(std::variant<int, std::string>(7), "7");
    check_round_trip(std::variant<int, std::string>("x"), R"("x")");

    // with no exact match, the first alternative that reads it wins
    auto i = read<std::variant<int, std::string>>("3.0");
    BOOST_TEST(i.index() == 0u);
    BOOST_TEST(std::get<0>(i) == 3);
    auto s = read<std::variant<int, std::string>>(R"("x")");
    BOOST_TEST(s.index() == 1u);
    BOOST_TEST(std::get<1>(s) == "x");
    // an exact match beats one to its left, as in pydantic's smart mode: 1 is the int
    using double_or_int = std::variant<double, int>;
    BOOST_TEST(read<double_or_int>("1").index() == 1u);
    BOOST_TEST(read<double_or_int>("1.0").index() == 0u);

    rt::WithVariant w;
    check_round_trip(w, R"({"v":0,"w":null})");
    w.v = "text";
    w.w = rt::Point{1, 2};
    check_round_trip(w, R"({"v":"text","w":{"x":1,"y":2}})");
    w.w = std::vector<int>{1, 2};
    check_round_trip(w, R"({"v":"text","w":[1,2]})");
}

BOOST_AUTO_TEST_CASE(output_keys_follow_declaration_order_not_input_order)
{
    auto p = read<rt::Point>(R"({"y": 2, "x": 1})");
    BOOST_TEST(written(p) == R"({"x":1,"y":2})");
}

// Member keys are matched a word at a time: every length, every differing byte.
BOOST_AUTO_TEST_CASE(key_matching_is_exact_at_every_length)
{
    std::string a(40, 'k'), b(40, 'k');
    for (std::size_t n = 0; n <= a.size(); ++n) {
        std::string_view x(a.data(), n), y(b.data(), n);
        BOOST_TEST(agent_engine::detail::equal_key(x, y));
        if (n < b.size())
            BOOST_TEST(!agent_engine::detail::equal_key(x, std::string_view(b.data(), n + 1)));
        for (std::size_t i = 0; i < n; ++i) {
            b[i] = 'q';
            BOOST_TEST(!agent_engine::detail::equal_key(x, y), "length " << n << ", byte " << i);
            b[i] = 'k';
        }
    }
}

// Strings are copied and checked 16, 8 and 4 bytes at a time, the last block
// overlapping the one before: at every length and every position, each byte that
// needs an escape gets json.dumps's, and the text reads back as the string.
BOOST_AUTO_TEST_CASE(string_escapes_are_exact_at_every_length_and_position)
{
    struct special {
        std::string raw, escaped;
    };
    const special specials[] = {{"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"}, {"\x01", "\\u0001"},
                                {"\x7f", "\\u007f"}, {"\xc3\xa9", "\\u00e9"}, {"\xf0\x9f\x98\x80", "\\ud83d\\ude00"}};
    for (std::size_t n = 0; n <= 40; ++n) {
        std::string plain(n, 'p');
        BOOST_TEST(written(plain) == '"' + plain + '"');
        BOOST_TEST(read<std::string>(written(plain)) == plain);
        for (std::size_t i = 0; i < n; ++i) {
            for (auto const& [raw, escaped] : specials) {
                // the special at i, and again at the end
                std::string s = plain.substr(0, i) + raw + plain.substr(i) + raw;
                std::string expected = '"' + plain.substr(0, i) + escaped + plain.substr(i) + escaped + '"';
                BOOST_TEST(written(s) == expected, "length " << n << ", position " << i);
                BOOST_TEST(read<std::string>(written(s)) == s, "length " << n << ", position " << i);
                // unescaped in the text, non-ASCII and DEL read as they are
                if (raw[0] == '\x7f' || static_cast<unsigned char>(raw[0]) >= 0x80)
                    BOOST_TEST(read<std::string>('"' + s + '"') == s, "length " << n << ", position " << i);
            }
        }
    }
}

// A line break and up to 15 spaces are skipped in one step, other whitespace a
// byte at a time: every run length, any whitespace after the spaces, and a run
// near the end of the text read as whitespace; a control byte after it does not.
BOOST_AUTO_TEST_CASE(whitespace_between_tokens_is_skipped_at_every_length)
{
    for (std::size_t n = 0; n <= 40; ++n) {
        std::string spaces(n, ' ');
        for (std::string_view after : {"", "\t", "\r\n  ", "\n", " "}) {
            std::string ws = "\n" + spaces + std::string(after);
            std::string text = "{" + ws + R"("x":)" + ws + "1," + ws + R"("y": 2)" + ws + "}";
            auto context = "run of " + std::to_string(n) + " spaces, then " + std::to_string(after.size()) + " more";
            BOOST_TEST((read<rt::Point>(text) == rt::Point{1, 2}), context);
            BOOST_TEST((read<rt::Point>(R"({"x": 1, "y": 2})" + ws) == rt::Point{1, 2}), context);
        }
        std::string control = "{\n" + spaces + "\x01" + R"("x": 1})";
        auto bad = agent_engine::from_json<rt::Point>(control);
        BOOST_TEST_REQUIRE(bad.has_error(), "run of " << n << " spaces, then a control byte");
        BOOST_TEST((bad.error().code == agent_engine::EngineErrorCode::json));
    }
}

// The writer fills chunks of growing size and joins them at the end: a text of
// many chunks, and a string larger than any chunk, come out whole and in order,
// after what the string already held.
BOOST_AUTO_TEST_CASE(long_texts_are_whole_across_chunks)
{
    std::vector<std::string> items;
    for (std::size_t i = 0; i < 20000; ++i)
        items.push_back(std::string(i % 300, static_cast<char>('a' + i % 26)) + std::to_string(i));
    items.push_back(std::string(3u << 20, 'z'));
    items.push_back("last");
    std::string expected = boost::json::serialize(agent_engine::to_dict(items)); // ASCII: json.dumps's spelling too
    BOOST_TEST(expected.size() > (5u << 20));
    BOOST_TEST(agent_engine::to_json(items, agent_engine::json_format::compact()) == expected);

    std::string out = "prefix ";
    {
        agent_engine::text_writer w(out, agent_engine::json_format::compact());
        agent_engine::rule_of<decltype(items)>::write(w, items);
        w.finish();
        BOOST_TEST(out == "prefix " + expected);
        w.string("more");
    }
    BOOST_TEST(out == "prefix " + expected + "\"more\"");
}

// Integers of up to 18 digits take a shortcut: on both sides of it, and at the
// 64-bit limits, the kind and value are Boost.JSON's own parser's.
BOOST_AUTO_TEST_CASE(integers_read_exactly_on_both_sides_of_the_shortcut)
{
    std::vector<std::string> numbers{"0", "-0", "9223372036854775807", "-9223372036854775808",
                                     "9223372036854775808", "-9223372036854775809", "18446744073709551615",
                                     "18446744073709551616"};
    for (std::size_t n = 1; n <= 20; ++n) {
        numbers.push_back("1" + std::string(n - 1, '0'));
        numbers.push_back(std::string(n, '9'));
        numbers.push_back("-" + std::string(n, '9'));
    }
    for (auto const& number : numbers) {
        // alone, and followed by each character that can end a number
        for (std::string text : {number, "[" + number + "]", "[" + number + ",1]", "{\"n\":" + number + "}"}) {
            auto ours = agent_engine::parse_json(text);
            BOOST_REQUIRE_MESSAGE(ours.has_value(), text);
            boost::json::value theirs = boost::json::parse(text);
            BOOST_TEST(boost::json::serialize(ours.value()) == boost::json::serialize(theirs), text);
            const boost::json::value& n = ours.value().is_array()    ? ours.value().as_array()[0]
                                          : ours.value().is_object() ? ours.value().as_object().at("n")
                                                                     : ours.value();
            BOOST_TEST(n.kind() == boost::json::parse(number).kind(), text);
        }
    }
}
