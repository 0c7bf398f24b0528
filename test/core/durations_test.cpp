// std::chrono::duration (pydantic's timedelta) and agent_engine::time_of_day
// (pydantic's time). Expected texts and errors come from pydantic 2.13.4 (the
// first python3 on PATH); each table names the Python that printed it.
#define BOOST_TEST_MODULE core_durations
#include "test_support.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dt {

using namespace std::chrono_literals;
using agent_engine::time_of_day;

struct Schedule {
    std::chrono::seconds timeout{};
    time_of_day starts_at;
    std::optional<std::chrono::milliseconds> grace;
    std::vector<std::chrono::microseconds> steps;
    std::map<std::string, time_of_day> opening;
    bool operator==(const Schedule&) const = default;
};
BOOST_DESCRIBE_STRUCT(Schedule, (), (timeout, starts_at, grace, steps, opening))
AGENT_ENGINE_REQUIRED(Schedule, timeout, starts_at)

// What `json` reads as T, written back.
template <class T> std::string rewritten(std::string_view json)
{
    return agent_engine::to_json(test_support::read<T>(json), agent_engine::json_format::compact());
}

// The one error reading `json` as T gives (on every read path): "type: reason".
template <class T> std::string error_of(std::string_view json)
{
    auto error = test_support::failure<T>(json);
    auto const& errors = error.details->at("errors").as_array();
    BOOST_TEST(errors.size() == 1u);
    auto const& e = errors.at(0).as_object();
    std::string out(e.at("type").as_string());
    if (auto const* ctx = e.if_contains("ctx"))
        out += ": " + std::string(ctx->at("error").as_string());
    return out;
}

struct read_case {
    const char* json;
    const char* written;
};
struct error_case {
    const char* json;
    const char* type;
    const char* reason;
};

// Each case read as T gives its text back, written.
template <class T, std::size_t N> void check_reads(const read_case (&cases)[N])
{
    for (auto const& c : cases)
        BOOST_TEST_CONTEXT(c.json) { BOOST_TEST(rewritten<T>(c.json) == c.written); }
}

// Each case read as T gives its error.
template <class T, std::size_t N> void check_errors(const error_case (&cases)[N])
{
    for (auto const& c : cases)
        BOOST_TEST_CONTEXT(c.json)
        {
            std::string expected = std::string(c.type) + (c.reason ? std::string(": ") + c.reason : "");
            BOOST_TEST(error_of<T>(c.json) == expected);
        }
}

} // namespace dt

BOOST_AUTO_TEST_SUITE(durations)

// pydantic's ISO 8601 form, years of 365 days, the sign outside:
//   TypeAdapter(timedelta).dump_json(timedelta(...))
BOOST_AUTO_TEST_CASE(written_as_pydantic_writes_a_timedelta)
{
    using namespace std::chrono;
    test_support::check_round_trip(0s, R"("PT0S")");
    test_support::check_round_trip(microseconds(1), R"("PT0.000001S")");
    test_support::check_round_trip(microseconds(-1), R"("-PT0.000001S")");
    test_support::check_round_trip(-1s, R"("-PT1S")");
    test_support::check_round_trip(days(-1), R"("-P1D")");
    test_support::check_round_trip(1500ms, R"("PT1.5S")");
    test_support::check_round_trip(62min, R"("PT1H2M")");
    test_support::check_round_trip(3605s, R"("PT1H5S")");
    test_support::check_round_trip(1h + microseconds(5), R"("PT1H0.000005S")");
    test_support::check_round_trip(days(400), R"("P1Y35D")");
    test_support::check_round_trip(days(365) + microseconds(1), R"("P1YT0.000001S")");
    test_support::check_round_trip(-days(400) + 5s, R"("-P1Y34DT23H59M55S")");
    test_support::check_round_trip(microseconds(120000), R"("PT0.12S")");
    test_support::check_round_trip(days(999999999) + 86399s, R"("P2739726Y9DT23H59M59S")");
    // finer than a microsecond: floored, as pydantic keeps microseconds
    BOOST_TEST(test_support::written(1999ns) == R"("PT0.000001S")");
    BOOST_TEST(test_support::written(-1ns) == R"("-PT0.000001S")");
}

// Each form pydantic reads, lax mode; for each input js:
//   ta = TypeAdapter(timedelta); ta.dump_json(ta.validate_json(js))
BOOST_AUTO_TEST_CASE(read_as_pydantic_reads_a_timedelta)
{
    const dt::read_case cases[] = {
        {R"("PT0S")", R"("PT0S")"},
        {R"("P1D")", R"("P1D")"},
        {R"("P1Y")", R"("P1Y")"},
        {R"("P1M")", R"("P30D")"},
        {R"("P1W")", R"("P7D")"},
        {R"("P1.5D")", R"("P1DT12H")"},
        {R"("PT1.5H")", R"("PT1H30M")"},
        {R"("-PT1S")", R"("-PT1S")"},
        {R"("+PT1S")", R"("PT1S")"},
        {R"("P1Y2M3DT4H5M6.7S")", R"("P1Y63DT4H5M6.7S")"},
        {R"("PT1,5S")", R"("PT1.5S")"},
        {R"("P1.D")", R"("P1D")"},
        {R"("PT0.0000005S")", R"("PT0.000001S")"},
        {R"("P0.000001D")", R"("PT0.0864S")"},
        {R"("1 day, 01:02:03")", R"("P1DT1H2M3S")"},
        {R"("2 days, 01:02:03.5")", R"("P2DT1H2M3.5S")"},
        {R"("-1 day, 23:59:59")", R"("-P1DT23H59M59S")"},
        {R"("1d")", R"("P1D")"},
        {R"("1 D")", R"("P1D")"},
        {R"("1 DAYS, 01:00")", R"("P1DT1H")"},
        {R"("1 day,")", R"("P1D")"},
        {R"("01:02:03")", R"("PT1H2M3S")"},
        {R"("01:02")", R"("PT1H2M")"},
        {R"("25:00:00")", R"("P1DT1H")"},
        {R"("-01:02:03")", R"("-PT1H2M3S")"},
        {R"(":00:00")", R"("PT0S")"},
        {R"("00:00:00.1234567")", R"("PT0.123456S")"},
        {R"("2400000000:01:03")", R"("P273972Y220DT1M3S")"},
        {R"(123)", R"("PT2M3S")"},
        {R"(1.5)", R"("PT1.5S")"},
        {R"(-1)", R"("-PT1S")"},
        {R"(-0.0)", R"("PT0S")"},
        {R"(0.1234567)", R"("PT0.123457S")"},
        {R"(1e-7)", R"("PT0S")"},
        {R"(-86400.5)", R"("-P1DT0.5S")"},
        {R"(1e10)", R"("P317Y35DT17H46M40S")"},
    };
    dt::check_reads<std::chrono::microseconds>(cases);
}

// Every reason pydantic gives; for each input js:
//   TypeAdapter(timedelta).validate_json(js).errors()[0]: type, ctx["error"]
BOOST_AUTO_TEST_CASE(errors_as_pydantic_reports_them)
{
    const dt::error_case cases[] = {
        {R"("PT")", "time_delta_parsing", "input is too short"},
        {R"("P")", "time_delta_parsing", "input is too short"},
        {R"("")", "time_delta_parsing", "input is too short"},
        {R"("-")", "time_delta_parsing", "input is too short"},
        {R"("abc")", "time_delta_parsing", "invalid digit in duration"},
        {R"("123")", "time_delta_parsing", "\"day\" identifier in duration not correctly formatted"},
        {R"("1.5s")", "time_delta_parsing", "\"day\" identifier in duration not correctly formatted"},
        {R"("PT1S ")", "time_delta_parsing", "invalid digit in duration"},
        {R"("P1DT1HT")", "time_delta_parsing", "`t` character repeated in duration"},
        {R"("P1.5DT1H")", "time_delta_parsing", "quantity fraction invalid in duration"},
        {R"("PT1D")", "time_delta_parsing", "quantity invalid in time part of duration"},
        {R"("P1H")", "time_delta_parsing", "quantity invalid in date part of duration"},
        {R"("P4294967296D")", "time_delta_parsing", "a numeric value in the duration is too large"},
        {R"("P1000000000D")", "time_delta_parsing", "durations may not exceed 999,999,999 days"},
        {R"("01:60:00")", "time_delta_parsing", "minute value is outside expected range of 0-59"},
        {R"("1 dayx")", "time_delta_parsing", "input is too short"},
        {R"("1 dayS")", "time_delta_parsing", "input is too short"},
        {R"("1 dAys")", "time_delta_parsing", "\"day\" identifier in duration not correctly formatted"},
        {R"("+2S00")", "time_delta_parsing", "\"day\" identifier in duration not correctly formatted"},
        {R"("1 da")", "time_delta_parsing", "\"day\" identifier in duration not correctly formatted"},
        {R"("1 day, 25:00:00")", "time_delta_parsing", "durations may not exceed 999,999,999 hours"},
        {R"("1 day, 1:00")", "time_delta_parsing", "input is too short"},
        {R"("12:30:45Z")", "time_delta_parsing", "unexpected extra characters at the end of the input"},
        {R"("1:2:3")", "time_delta_parsing", "invalid character in minute"},
        {R"("12345")", "time_delta_parsing", "invalid character in hour"},
        {R"("2400000001:00:00")", "time_delta_parsing", "durations may not exceed 999,999,999 hours"},
        {R"("00:00:60")", "time_delta_parsing", "second value is outside expected range of 0-59"},
        {R"("00:00:00.")", "time_delta_parsing", "second fraction digits missing after `.`"},
        {R"(1e20)", "time_delta_parsing", "durations may not exceed 999,999,999 days"},
        {R"(86400000000000)", "time_delta_parsing", "durations may not exceed 999,999,999 days"},
        {R"(-86400000000000)", "time_delta_parsing", "durations may not exceed 999,999,999 days"},
        {R"(null)", "time_delta_type", nullptr},
        {R"([])", "time_delta_type", nullptr},
        {R"({})", "time_delta_type", nullptr},
    };
    dt::check_errors<std::chrono::microseconds>(cases);
    // pydantic's python-mode words (its JSON mode says "a valid duration"):
    BOOST_TEST(test_support::errors_of<std::chrono::seconds>(R"("P")") ==
               R"([{"type":"time_delta_parsing","loc":[],"msg":"Input should be a valid timedelta, input is too short","input":"P","ctx":{"error":"input is too short"}}])");
    BOOST_TEST(test_support::errors_of<std::chrono::seconds>("null") ==
               R"([{"type":"time_delta_type","loc":[],"msg":"Input should be a valid timedelta","input":null}])");
}

// A bool is an int in Python, so python mode reads it as seconds; JSON mode does not:
//   TypeAdapter(timedelta).validate_python(True) -> timedelta(seconds=1)
//   TypeAdapter(timedelta).validate_json("true") -> time_delta_type
BOOST_AUTO_TEST_CASE(a_bool_is_seconds_in_python_mode_only)
{
    using agent_engine::input_mode;
    BOOST_TEST(agent_engine::from_dict<std::chrono::seconds>(boost::json::value(true)).value().count() == 1);
    BOOST_TEST(agent_engine::from_dict<std::chrono::seconds>(boost::json::value(false)).value().count() == 0);
    BOOST_TEST(test_support::errors_of<std::chrono::seconds>("true", {.mode = input_mode::json}) ==
               R"([{"type":"time_delta_type","loc":[],"msg":"Input should be a valid duration","input":true}])");
    BOOST_TEST(test_support::errors_of<std::chrono::seconds>("true", {.mode = input_mode::python, .strict = true}) ==
               R"([{"type":"time_delta_type","loc":[],"msg":"Input should be a valid timedelta","input":true}])");
}

// A value finer than the period is floored; one the Rep cannot hold is an error
// (pydantic has neither case: a timedelta holds microseconds up to 999,999,999 days).
BOOST_AUTO_TEST_CASE(the_duration_type_limits_precision_and_range)
{
    using namespace std::chrono;
    BOOST_TEST(test_support::read<seconds>(R"("PT1.5S")").count() == 1);
    BOOST_TEST(test_support::read<seconds>(R"("-PT1.5S")").count() == -2);
    BOOST_TEST(test_support::read<hours>("5399").count() == 1);
    BOOST_TEST(test_support::read<nanoseconds>(R"("PT0.000001S")").count() == 1000);
    using millis32 = duration<int, std::milli>;
    BOOST_TEST(test_support::read<millis32>(R"("P24D")").count() == 2073600000);
    BOOST_TEST(dt::error_of<millis32>(R"("P25D")") ==
               "time_delta_parsing: out of range for the C++ duration type");
    BOOST_TEST(dt::error_of<nanoseconds>(R"("P107000D")") == "time_delta_parsing: out of range for the C++ duration type");
    // Python's whole range fits in seconds, not in microseconds (±106,751,991 days)
    BOOST_TEST(dt::rewritten<seconds>(R"("P999999999D")") == R"("P2739726Y9D")");
    BOOST_TEST(dt::rewritten<seconds>("86399999999999") == R"("P2739726Y9DT23H59M59S")");
    BOOST_TEST(dt::error_of<microseconds>(R"("P106751992D")") == "time_delta_parsing: out of range for the C++ duration type");
    // An infinity (text's Infinity, or a DOM's): an error, not a NaN cast to an integer
    for (double inf : {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()}) {
        auto r = agent_engine::from_dict<seconds>(boost::json::value(inf));
        BOOST_REQUIRE(r.has_error());
        BOOST_TEST(r.error().details->at("errors").at(0).at("type") == "time_delta_parsing");
        auto t = agent_engine::from_dict<agent_engine::time_of_day>(boost::json::value(inf));
        BOOST_REQUIRE(t.has_error());
        BOOST_TEST(t.error().details->at("errors").at(0).at("type") == "time_parsing");
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(times)

using agent_engine::time_of_day;

// Python's time.isoformat(): the fraction as six digits when there is one, the offset as Z or ±HH:MM.
BOOST_AUTO_TEST_CASE(written_as_pydantic_writes_a_time)
{
    using namespace std::chrono;
    test_support::check_round_trip(time_of_day{}, R"("00:00:00")");
    test_support::check_round_trip(time_of_day{12h + 30min}, R"("12:30:00")");
    test_support::check_round_trip(time_of_day{1h + 2min + 3s + 400ms}, R"("01:02:03.400000")");
    test_support::check_round_trip(time_of_day{1h + 2min + 3s + 1us}, R"("01:02:03.000001")");
    test_support::check_round_trip(time_of_day{23h + 59min + 59s + 999999us}, R"("23:59:59.999999")");
    test_support::check_round_trip(time_of_day{12h, 0s}, R"("12:00:00Z")");
    test_support::check_round_trip(time_of_day{12h, 1h}, R"("12:00:00+01:00")");
    test_support::check_round_trip(time_of_day{12h, -(1h + 30min)}, R"("12:00:00-01:30")");
    // outside a day: written modulo a day
    BOOST_TEST(test_support::written(time_of_day{25h}) == R"("01:00:00")");
    BOOST_TEST(test_support::written(time_of_day{-1s}) == R"("23:59:59")");
}

// for each input js: ta = TypeAdapter(time); ta.dump_json(ta.validate_json(js))
BOOST_AUTO_TEST_CASE(read_as_pydantic_reads_a_time)
{
    const dt::read_case cases[] = {
        {R"("12:30")", R"("12:30:00")"},
        {R"("12:30:45")", R"("12:30:45")"},
        {R"("12:30:45.123")", R"("12:30:45.123000")"},
        {R"("12:30:45.1234567")", R"("12:30:45.123456")"},
        {R"("12:30:45,5")", R"("12:30:45.500000")"},
        {R"("12:30:45.000")", R"("12:30:45")"},
        {R"("12:30:45Z")", R"("12:30:45Z")"},
        {R"("12:30:45z")", R"("12:30:45Z")"},
        {R"("12:30:45+01:00")", R"("12:30:45+01:00")"},
        {R"("12:30:45-0130")", R"("12:30:45-01:30")"},
        {R"("00:00:00")", R"("00:00:00")"},
        {R"("23:59:59.999999")", R"("23:59:59.999999")"},
        {R"(0)", R"("00:00:00Z")"},
        {R"(3600)", R"("01:00:00Z")"},
        {R"(86399)", R"("23:59:59Z")"},
        {R"(3600.5)", R"("01:00:00.500000Z")"},
        {R"(86399.4)", R"("23:59:59.400000Z")"},
        {"\"12:30:45\u221201:00\"", R"("12:30:45-01:00")"},
    };
    dt::check_reads<time_of_day>(cases);
}

// for each input js: TypeAdapter(time).validate_json(js).errors()[0]: type, ctx["error"]
BOOST_AUTO_TEST_CASE(errors_as_pydantic_reports_them)
{
    const dt::error_case cases[] = {
        {R"(true)", "time_type", nullptr},
        {R"(null)", "time_type", nullptr},
        {R"([])", "time_type", nullptr},
        {R"("25:00")", "time_parsing", "hour value is outside expected range of 0-23"},
        {R"("12:60")", "time_parsing", "minute value is outside expected range of 0-59"},
        {R"("12:30:60")", "time_parsing", "second value is outside expected range of 0-59"},
        {R"("1:30")", "time_parsing", "input is too short"},
        {R"("")", "time_parsing", "input is too short"},
        {R"("12:30:45.")", "time_parsing", "second fraction digits missing after `.`"},
        {R"("12:30:45 ")", "time_parsing", "invalid timezone sign"},
        {R"("T12:30")", "time_parsing", "invalid character in hour"},
        {R"("12-30")", "time_parsing", "invalid time separator, expected `:`"},
        {R"("12:30:4")", "time_parsing", "invalid character in second"},
        {R"("12:30:45+24:00")", "time_parsing", "timezone offset must be less than 24 hours"},
        {R"("12:30:45+23:60")", "time_parsing", "timezone minute value is outside expected range of 0-59"},
        {R"("12:30:45+1")", "time_parsing", "invalid timezone hour"},
        {R"("12:30:45+01")", "time_parsing", "invalid timezone minute"},
        {R"("12:30:45+01:00x")", "time_parsing", "unexpected extra characters at the end of the input"},
        {R"("3600")", "time_parsing", "input is too short"},
        {R"(86400)", "time_parsing", "numeric times may not exceed 86,399 seconds"},
        {R"(-1)", "time_parsing", "time in seconds should be positive"},
        {R"(-0.5)", "time_parsing", "time in seconds should be positive"},
        {R"(86399.9999999)", "time_parsing", "numeric times may not exceed 86,399 seconds"},
    };
    dt::check_errors<time_of_day>(cases);
    BOOST_TEST(test_support::errors_of<time_of_day>(R"("25:00")") ==
               R"([{"type":"time_parsing","loc":[],"msg":"Input should be in a valid time format, hour value is outside expected range of 0-23","input":"25:00","ctx":{"error":"hour value is outside expected range of 0-23"}}])");
    BOOST_TEST(test_support::errors_of<time_of_day>("null") ==
               R"([{"type":"time_type","loc":[],"msg":"Input should be a valid time","input":null}])");
}

BOOST_AUTO_TEST_SUITE_END()

// pydantic's strict mode, with Schedule as a pydantic model configured ConfigDict(strict=True):
//   Schedule.model_validate(json.loads(t)) (python mode), Schedule.model_validate_json(t) (json mode)
BOOST_AUTO_TEST_SUITE(strict_mode)

BOOST_AUTO_TEST_CASE(python_mode_refuses_every_json_form_json_mode_a_number)
{
    using agent_engine::input_mode;
    BOOST_TEST(test_support::errors_of<dt::Schedule>(R"({"timeout": "PT1S", "starts_at": "09:30"})",
                                                     {.mode = input_mode::python, .strict = true}) ==
               R"([{"type":"time_delta_type","loc":["timeout"],"msg":"Input should be a valid timedelta","input":"PT1S"},)"
               R"({"type":"time_type","loc":["starts_at"],"msg":"Input should be a valid time","input":"09:30"}])");
    BOOST_TEST(test_support::errors_of<dt::Schedule>(R"({"timeout": 90, "starts_at": 3600})",
                                                     {.mode = input_mode::json, .strict = true}) ==
               R"([{"type":"time_delta_type","loc":["timeout"],"msg":"Input should be a valid duration","input":90},)"
               R"({"type":"time_type","loc":["starts_at"],"msg":"Input should be a valid time","input":3600}])");
    auto s = test_support::read<dt::Schedule>(R"({"timeout": "1 day, 01:00:00", "starts_at": "09:30Z"})",
                                              {.mode = input_mode::json, .strict = true});
    BOOST_TEST(test_support::written(s) ==
               R"({"timeout":"P1DT1H","starts_at":"09:30:00Z","grace":null,"steps":[],"opening":{}})");
}

BOOST_AUTO_TEST_SUITE_END()

// What a writer writes, the reader reads, within pydantic's types: a timedelta
// spans +-999,999,999 days and a time's offset is less than 24 h. A C++ value
// outside them has no pydantic form: it is written as it is (to_json cannot
// fail, and changing the value would lose data) and refused on reading with
// pydantic's reason, so validate() finds it before the value is saved.
//   TypeAdapter(timedelta).validate_json('"P2739726Y9DT23H59M59S"') -> accepted
//   TypeAdapter(timedelta).validate_json('"P2739726Y10D"') -> durations may not exceed 999,999,999 days
//   TypeAdapter(time).validate_json('"09:30:00+24:00"') -> timezone offset must be less than 24 hours
BOOST_AUTO_TEST_SUITE(writers_and_readers_agree)

BOOST_AUTO_TEST_CASE(a_duration_within_python_s_range_round_trips)
{
    using namespace std::chrono;
    constexpr std::int64_t max_days = 999'999'999;
    test_support::check_round_trip(duration_cast<seconds>(days(max_days)) + 86399s, R"("P2739726Y9DT23H59M59S")");
    test_support::check_round_trip(duration_cast<seconds>(-days(max_days)), R"("-P2739726Y9D")");
}

BOOST_AUTO_TEST_CASE(a_duration_past_it_is_written_and_refused)
{
    using namespace std::chrono;
    dt::Schedule s;
    s.timeout = duration_cast<seconds>(days(1'000'000'000));
    BOOST_TEST(agent_engine::to_json(s.timeout) == R"("P2739726Y10D")");
    auto checked = agent_engine::validate(s);
    BOOST_REQUIRE(checked.has_error());
    BOOST_TEST(test_support::compact(checked.error().details->at("errors")) ==
               R"([{"type":"time_delta_parsing","loc":["timeout"],"msg":"Input should be a valid timedelta, durations may not exceed 999,999,999 days","input":"P2739726Y10D","ctx":{"error":"durations may not exceed 999,999,999 days"}}])");
    BOOST_TEST(dt::error_of<seconds>(R"("-P2739726Y9DT0.000001S")") ==
               "time_delta_parsing: durations may not exceed 999,999,999 days");
}

BOOST_AUTO_TEST_CASE(a_time_offset_of_a_day_is_written_and_refused)
{
    using namespace std::chrono;
    using dt::time_of_day;
    test_support::check_round_trip(time_of_day(9h + 30min, hours(23) + minutes(59)), R"("09:30:00+23:59")");
    test_support::check_round_trip(time_of_day(9h + 30min, -(hours(23) + minutes(59))), R"("09:30:00-23:59")");
    dt::Schedule s;
    s.starts_at = time_of_day(9h + 30min, hours(24));
    BOOST_TEST(agent_engine::to_json(s.starts_at) == R"("09:30:00+24:00")");
    auto checked = agent_engine::validate(s);
    BOOST_REQUIRE(checked.has_error());
    BOOST_TEST(test_support::compact(checked.error().details->at("errors")) ==
               R"([{"type":"time_parsing","loc":["starts_at"],"msg":"Input should be in a valid time format, timezone offset must be less than 24 hours","input":"09:30:00+24:00","ctx":{"error":"timezone offset must be less than 24 hours"}}])");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(in_a_schema)

// An optional, a list and a map of them; errors at their place:
//   class Schedule(BaseModel): timeout: timedelta; starts_at: time; grace: Optional[timedelta] = None;
//       steps: list[timedelta] = []; opening: dict[str, time] = {}
BOOST_AUTO_TEST_CASE(round_trip_errors_and_schema)
{
    using namespace std::chrono;
    dt::Schedule s{90s, {9h + 30min}, 1500ms, {1us, -2s}, {{"mon", {8h}}, {"tue", {8h, 3600s}}}};
    test_support::check_round_trip(
        s, R"({"timeout":"PT1M30S","starts_at":"09:30:00","grace":"PT1.5S","steps":["PT0.000001S","-PT2S"],)"
           R"("opening":{"mon":"08:00:00","tue":"08:00:00+01:00"}})");
    s.grace.reset();
    test_support::check_round_trip(
        s, R"({"timeout":"PT1M30S","starts_at":"09:30:00","grace":null,"steps":["PT0.000001S","-PT2S"],)"
           R"("opening":{"mon":"08:00:00","tue":"08:00:00+01:00"}})");
    BOOST_TEST(test_support::errors_of<dt::Schedule>(
                   R"({"timeout": "1 hour", "starts_at": 1.5, "steps": [1, "x"], "opening": {"a": "8:00"}})") ==
               R"([{"type":"time_delta_parsing","loc":["timeout"],"msg":"Input should be a valid timedelta, invalid character in hour","input":"1 hour","ctx":{"error":"invalid character in hour"}},)"
               R"({"type":"time_delta_parsing","loc":["steps",1],"msg":"Input should be a valid timedelta, invalid digit in duration","input":"x","ctx":{"error":"invalid digit in duration"}},)"
               R"({"type":"time_parsing","loc":["opening","a"],"msg":"Input should be in a valid time format, input is too short","input":"8:00","ctx":{"error":"input is too short"}}])");
    // Schedule.model_json_schema()["properties"], pydantic's formats and labels
    boost::json::value schema = agent_engine::json_schema<dt::Schedule>();
    auto const& props = schema.at("properties");
    BOOST_TEST(test_support::compact(props.at("timeout")) == R"({"type":"string","format":"duration","title":"Timeout"})");
    BOOST_TEST(test_support::compact(props.at("starts_at")) == R"({"type":"string","format":"time","title":"Starts At"})");
    BOOST_TEST(agent_engine::rule_of<std::chrono::seconds>::label() == "timedelta");
    BOOST_TEST(agent_engine::rule_of<agent_engine::time_of_day>::label() == "time");
}

BOOST_AUTO_TEST_SUITE_END()
