// Standard types with pydantic counterparts: std::chrono::sys_time (AwareDatetime,
// held in UTC), boost::uuids::uuid (UUID) and std::filesystem::path (Path); at the
// end, strict() on those and on a date, time and duration member.
// Expected texts and errors come from pydantic 2.13.4 (the first python3 on
// PATH); each group names the Python that printed them. Errors are the same in
// json mode (model_validate_json) and python mode (model_validate(json.loads(...))).
#define BOOST_TEST_MODULE core_standard_types
#include "test_support.hpp"

#include <boost/uuid/uuid.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace st {

using std::chrono::microseconds;

struct Event {
    std::chrono::sys_time<microseconds> at{};
    boost::uuids::uuid id{};
    std::filesystem::path file;
    bool operator==(const Event&) const = default;
};
BOOST_DESCRIBE_STRUCT(Event, (), (at, id, file))
AGENT_ENGINE_REQUIRED(Event, at, id, file)

// Each time point type reads and writes through the same rule.
struct Times {
    std::chrono::sys_seconds seconds{};
    std::chrono::system_clock::time_point nanos{};
    std::optional<std::chrono::sys_time<std::chrono::milliseconds>> millis;
    std::vector<std::chrono::sys_time<microseconds>> many;
    bool operator==(const Times&) const = default;
};
BOOST_DESCRIBE_STRUCT(Times, (), (seconds, nanos, millis, many))

struct Dated {
    std::chrono::year_month_day day{};
    std::pair<std::int64_t, std::string> point;
    bool operator==(const Dated&) const = default;
};
BOOST_DESCRIBE_STRUCT(Dated, (), (day, point))
AGENT_ENGINE_REQUIRED(Dated, day, point)

constexpr boost::uuids::uuid some_id{{0x12, 0x34, 0x56, 0x78, 0x12, 0x34, 0x56, 0x78, 0xab, 0xcd, 0x56, 0x78, 0x12,
                                      0x34, 0x56, 0x78}};

// year-month-day hh:mm:ss + us, UTC
std::chrono::sys_time<microseconds> utc(int y, unsigned m, unsigned d, int hh, int mm, int ss, long us = 0)
{
    using namespace std::chrono;
    return sys_days{year{y} / month{m} / day{d}} + hours{hh} + minutes{mm} + seconds{ss} + microseconds{us};
}

// What a time point of microseconds reads from `json`, written back.
std::string utc_text(std::string_view json)
{
    return agent_engine::to_json(test_support::read<std::chrono::sys_time<microseconds>>(json));
}

} // namespace st

using test_support::errors_of;

BOOST_AUTO_TEST_SUITE(datetime)

// pydantic writes a UTC datetime with `Z`, and the fraction only when there is one:
//   TypeAdapter(AwareDatetime).dump_json(datetime(2025,12,6,2,45,18,tzinfo=timezone.utc))
BOOST_AUTO_TEST_CASE(written_as_pydantic_writes_utc)
{
    test_support::check_round_trip(st::utc(2025, 12, 6, 2, 45, 18), R"("2025-12-06T02:45:18Z")");
    test_support::check_round_trip(st::utc(2025, 12, 6, 2, 45, 18, 337698), R"("2025-12-06T02:45:18.337698Z")");
    test_support::check_round_trip(st::utc(2025, 12, 6, 2, 45, 18, 500000), R"("2025-12-06T02:45:18.500000Z")");
    test_support::check_round_trip(st::utc(1969, 12, 31, 23, 59, 58, 500000), R"("1969-12-31T23:59:58.500000Z")");
    test_support::check_round_trip(st::utc(2024, 2, 29, 0, 0, 0), R"("2024-02-29T00:00:00Z")");
    test_support::check_round_trip(st::utc(1, 1, 1, 0, 0, 0), R"("0001-01-01T00:00:00Z")");
    test_support::check_round_trip(st::utc(9999, 12, 31, 23, 59, 59, 999999), R"("9999-12-31T23:59:59.999999Z")");
    // a finer time point is written to the microsecond, floored (pydantic keeps microseconds)
    std::chrono::sys_time<std::chrono::nanoseconds> t = st::utc(2025, 12, 6, 2, 45, 18, 1);
    BOOST_TEST(test_support::written(t + std::chrono::nanoseconds(999)) == R"("2025-12-06T02:45:18.000001Z")");
    BOOST_TEST(test_support::written(t - std::chrono::nanoseconds(1)) == R"("2025-12-06T02:45:18Z")");
}

// Offsets are turned into UTC, across midnight, a month, a year and a leap day.
// Expected: for each input js,
//   ta = TypeAdapter(AwareDatetime); ta.dump_json(ta.validate_json(js).astimezone(timezone.utc))
BOOST_AUTO_TEST_CASE(read_as_aware_datetime_and_turned_into_utc)
{
    struct { const char* json; const char* utc; } cases[] = {
        {R"("2025-12-06T02:45Z")", R"("2025-12-06T02:45:00Z")"},
        {R"("2025-12-06T02:45:18+0100")", R"("2025-12-06T01:45:18Z")"},
        {R"("2025-12-06T02:45:18.5+01:00")", R"("2025-12-06T01:45:18.500000Z")"},
        {R"("2025-12-06T23:30:00-02:00")", R"("2025-12-07T01:30:00Z")"},
        {R"("2024-12-31T23:30:00-01:00")", R"("2025-01-01T00:30:00Z")"},
        {R"("2025-03-01T00:30:00+01:00")", R"("2025-02-28T23:30:00Z")"},
        {R"("2024-02-29T12:00:00Z")", R"("2024-02-29T12:00:00Z")"},
        {R"("2025-12-06 02:45:18,25z")", R"("2025-12-06T02:45:18.250000Z")"},
        {R"("2025-12-06_02:45:18.123456789Z")", R"("2025-12-06T02:45:18.123456Z")"},
        {R"("2025-12-06T02:45:18-00:00")", R"("2025-12-06T02:45:18Z")"},
        // Unix times, lax mode: seconds, milliseconds past 2e10, digits in a string
        {"1733453118", R"("2024-12-06T02:45:18Z")"},
        {"1733453118.5", R"("2024-12-06T02:45:18.500000Z")"},
        {R"("1733453118")", R"("2024-12-06T02:45:18Z")"},
        {"-1.5", R"("1969-12-31T23:59:58.500000Z")"},
        {"1733453118000", R"("2024-12-06T02:45:18Z")"},
        {"1733453118000.5", R"("2024-12-06T02:45:18.000500Z")"},
        {"20000000000", R"("2603-10-11T11:33:20Z")"},
        {"20000000001", R"("1970-08-20T11:33:20.001000Z")"},
        {R"("+5")", R"("1970-01-01T00:00:05Z")"},
        {R"("1733453118.")", R"("2024-12-06T02:45:18Z")"},
        {"0", R"("1970-01-01T00:00:00Z")"},
    };
    for (auto const& c : cases)
        BOOST_TEST_CONTEXT(c.json) { BOOST_TEST(st::utc_text(c.json) == c.utc); }
}

// Every error type, with pydantic's loc, msg, input and ctx:
//   class Event(BaseModel): at: AwareDatetime; id: UUID; file: Path
//   json.dumps(e.errors(include_url=False), separators=(",", ":")) for Event.model_validate_json(text)
BOOST_AUTO_TEST_CASE(errors_as_pydantic_reports_them)
{
    BOOST_TEST(errors_of<st::Event>(R"({"at": "2025-12-06T02:45:18", "id": "1234", "file": 3})") ==
               R"([{"type":"timezone_aware","loc":["at"],"msg":"Input should have timezone info","input":"2025-12-06T02:45:18"},)"
               R"({"type":"uuid_parsing","loc":["id"],"msg":"Input should be a valid UUID, invalid length: expected length 32 for simple format, found 4","input":"1234","ctx":{"error":"invalid length: expected length 32 for simple format, found 4"}},)"
               R"({"type":"path_type","loc":["file"],"msg":"Input is not a valid path for <class 'pathlib.Path'>","input":3}])");
    BOOST_TEST(errors_of<st::Event>(R"({"at": true, "id": null, "file": "x"})") ==
               R"([{"type":"datetime_type","loc":["at"],"msg":"Input should be a valid datetime","input":true},)"
               R"({"type":"uuid_type","loc":["id"],"msg":"UUID input should be a string, bytes or UUID object","input":null}])");
    BOOST_TEST(errors_of<st::Event>(
                   R"({"at": "2025-02-29T00:00Z", "id": "12345678-1234-5678-1234-56781234567g", "file": null})") ==
               R"([{"type":"datetime_from_date_parsing","loc":["at"],"msg":"Input should be a valid datetime or date, day value is outside expected range","input":"2025-02-29T00:00Z","ctx":{"error":"day value is outside expected range"}},)"
               R"({"type":"uuid_parsing","loc":["id"],"msg":"Input should be a valid UUID, invalid character: found `g` at 36","input":"12345678-1234-5678-1234-56781234567g","ctx":{"error":"invalid character: found `g` at 36"}},)"
               R"({"type":"path_type","loc":["file"],"msg":"Input is not a valid path for <class 'pathlib.Path'>","input":null}])");
    BOOST_TEST(errors_of<st::Event>(R"({"at": "0000-01-01T00:00Z", "id": 5, "file": "a"})") ==
               R"([{"type":"datetime_parsing","loc":["at"],"msg":"Input should be a valid datetime, year 0 is out of range","input":"0000-01-01T00:00Z","ctx":{"error":"year 0 is out of range"}},)"
               R"({"type":"uuid_type","loc":["id"],"msg":"UUID input should be a string, bytes or UUID object","input":5}])");
    BOOST_TEST(errors_of<st::Event>(
                   R"({"at": -62135596801000, "id": "1234-5678-1234-5678-1234-5678-1234-5678", "file": "a"})") ==
               R"([{"type":"datetime_parsing","loc":["at"],"msg":"Input should be a valid datetime, year 0 is out of range","input":-62135596801000,"ctx":{"error":"year 0 is out of range"}},)"
               R"({"type":"uuid_parsing","loc":["id"],"msg":"Input should be a valid UUID, invalid group count: expected 5, found 8","input":"1234-5678-1234-5678-1234-5678-1234-5678","ctx":{"error":"invalid group count: expected 5, found 8"}}])");
    BOOST_TEST(errors_of<st::Event>(
                   R"({"at": "2025-12-06T24:00:00Z", "id": "{12345678-1234-5678-1234-5678123456789}", "file": "a"})") ==
               R"([{"type":"datetime_from_date_parsing","loc":["at"],"msg":"Input should be a valid datetime or date, unexpected extra characters at the end of the input","input":"2025-12-06T24:00:00Z","ctx":{"error":"unexpected extra characters at the end of the input"}},)"
               R"({"type":"uuid_parsing","loc":["id"],"msg":"Input should be a valid UUID, invalid group length in group 4: expected 12, found 15","input":"{12345678-1234-5678-1234-5678123456789}","ctx":{"error":"invalid group length in group 4: expected 12, found 15"}}])");
    BOOST_TEST(errors_of<st::Event>(
                   R"({"at": 253402300800000, "id": "12345678-123-5678-1234-567812345678", "file": "a"})") ==
               R"([{"type":"datetime_parsing","loc":["at"],"msg":"Input should be a valid datetime, dates after 9999 are not supported as unix timestamps","input":253402300800000,"ctx":{"error":"dates after 9999 are not supported as unix timestamps"}},)"
               R"({"type":"uuid_parsing","loc":["id"],"msg":"Input should be a valid UUID, invalid group length in group 1: expected 4, found 3","input":"12345678-123-5678-1234-567812345678","ctx":{"error":"invalid group length in group 1: expected 4, found 3"}}])");
}

// The reasons of pydantic's parser, one per way a text can fail; for each text t:
//   TypeAdapter(AwareDatetime).validate_json(json.dumps(t)) -> errors()[0]
BOOST_AUTO_TEST_CASE(reasons_of_a_malformed_text)
{
    struct { const char* text; const char* type; const char* reason; } cases[] = {
        {"", "datetime_from_date_parsing", "input is too short"},
        {"2025-12-0", "datetime_from_date_parsing", "input is too short"},
        {"  2025-12-06T02:45Z", "datetime_from_date_parsing", "invalid character in year"},
        {"-0001-01-01T00:00Z", "datetime_from_date_parsing", "invalid character in year"},
        {"20251206T024518Z", "datetime_from_date_parsing", "invalid date separator, expected `-`"},
        {"2025-1a/06", "datetime_from_date_parsing", "invalid character in month"},
        {"2025-12/06", "datetime_from_date_parsing", "invalid date separator, expected `-`"},
        {"2025-13-06T02:45Z", "datetime_from_date_parsing", "month value is outside expected range of 1-12"},
        {"2023-02-29T00:00Z", "datetime_from_date_parsing", "day value is outside expected range"},
        {"1e10", "datetime_from_date_parsing", "input is too short"},
        {"2025-12-06X", "datetime_from_date_parsing", "unexpected extra characters at the end of the input"},
        {"2025-12-06T", "datetime_from_date_parsing", "unexpected extra characters at the end of the input"},
        {"2025-12-06T02Z", "datetime_from_date_parsing", "unexpected extra characters at the end of the input"},
        {"2025-12-06T02:45:60Z", "datetime_from_date_parsing", "unexpected extra characters at the end of the input"},
        {"2025-12-06T02:45:18.Z", "datetime_from_date_parsing", "unexpected extra characters at the end of the input"},
        {"2025-12-06T02:45:18+24:00", "datetime_from_date_parsing",
         "unexpected extra characters at the end of the input"},
        {"2025-12-06T02:45:18+01:60", "datetime_from_date_parsing",
         "unexpected extra characters at the end of the input"},
        {"2025-12-06T02:45:18+01:00:30", "datetime_from_date_parsing",
         "unexpected extra characters at the end of the input"},
        {"2025-12-06T02:45:18 Z", "datetime_from_date_parsing", "unexpected extra characters at the end of the input"},
        {"2025-12-06", "timezone_aware", nullptr},
        {"2025-12-06T02:45", "timezone_aware", nullptr},
    };
    for (auto const& c : cases) {
        BOOST_TEST_CONTEXT(c.text)
        {
            std::string json = agent_engine::to_json(std::string(c.text));
            auto error = test_support::failure<std::chrono::sys_time<st::microseconds>>(json);
            auto const& e = error.details->at("errors").as_array().at(0).as_object();
            BOOST_TEST(e.at("type").as_string() == c.type);
            BOOST_TEST(e.at("input").as_string() == c.text);
            if (c.reason)
                BOOST_TEST(e.at("ctx").at("error").as_string() == c.reason);
            else
                BOOST_TEST(!e.contains("ctx"));
        }
    }
}

// Unix times out of Python's range:
//   TypeAdapter(AwareDatetime).validate_json("-1e15") -> dates before 0000 ...
BOOST_AUTO_TEST_CASE(unix_times_out_of_range)
{
    using T = std::chrono::sys_time<st::microseconds>;
    auto reason = [](std::string_view json) {
        auto error = test_support::failure<T>(json);
        auto const& e = error.details->at("errors").as_array().at(0).as_object();
        BOOST_TEST(e.at("type").as_string() == "datetime_parsing");
        return std::string(e.at("ctx").at("error").as_string());
    };
    BOOST_TEST(reason("1e20") == "dates after 9999 are not supported as unix timestamps");
    BOOST_TEST(reason("-1e15") == "dates before 0000 are not supported as unix timestamps");
    BOOST_TEST(reason("-62135596801000") == "year 0 is out of range");
    BOOST_TEST(reason(R"("0000-01-01T00:00Z")") == "year 0 is out of range");
    BOOST_TEST(st::utc_text("253402300799999") == R"("9999-12-31T23:59:59.999000Z")");
    BOOST_TEST(st::utc_text("-62135596800000") == R"("0001-01-01T00:00:00Z")");
}

// A time point type that cannot hold the time says so (pydantic has no such case:
// a Python datetime holds years 1 to 9999); a coarser one floors.
BOOST_AUTO_TEST_CASE(the_time_point_type_limits_the_range)
{
    auto error = test_support::failure<std::chrono::system_clock::time_point>(R"("2263-01-01T00:00:00Z")");
    BOOST_TEST(test_support::compact(error.details->at("errors")) ==
               R"([{"type":"datetime_parsing","loc":[],"msg":"Input should be a valid datetime, out of range for the C++ time point type","input":"2263-01-01T00:00:00Z","ctx":{"error":"out of range for the C++ time point type"}}])");
    auto nanos = test_support::read<std::chrono::system_clock::time_point>(R"("2262-01-01T00:00:00.000001Z")");
    BOOST_TEST(nanos.time_since_epoch().count() % 1000000000 == 1000);
    auto seconds = test_support::read<std::chrono::sys_seconds>(R"("1969-12-31T23:59:59.5Z")");
    BOOST_TEST(seconds.time_since_epoch().count() == -1);
}

BOOST_AUTO_TEST_CASE(in_a_struct_an_optional_and_a_list)
{
    using namespace std::chrono;
    st::Times t;
    t.seconds = floor<std::chrono::seconds>(st::utc(2025, 12, 6, 2, 45, 18));
    t.nanos = system_clock::time_point(st::utc(2024, 2, 29, 23, 59, 59, 1));
    t.millis = floor<milliseconds>(st::utc(2025, 1, 1, 0, 0, 0, 5000));
    t.many = {st::utc(2000, 1, 1, 0, 0, 0), st::utc(1970, 1, 1, 0, 0, 0, 1)};
    test_support::check_round_trip(
        t, R"({"seconds":"2025-12-06T02:45:18Z","nanos":"2024-02-29T23:59:59.000001Z",)"
           R"("millis":"2025-01-01T00:00:00.005000Z","many":["2000-01-01T00:00:00Z","1970-01-01T00:00:00.000001Z"]})");
    t.millis.reset();
    t.many.clear();
    test_support::check_round_trip(
        t, R"({"seconds":"2025-12-06T02:45:18Z","nanos":"2024-02-29T23:59:59.000001Z","millis":null,"many":[]})");
    BOOST_TEST(errors_of<st::Times>(R"({"many": ["2025-12-06T02:45:18Z", 1.5, "x"]})") ==
               R"([{"type":"datetime_from_date_parsing","loc":["many",2],"msg":"Input should be a valid datetime or date, input is too short","input":"x","ctx":{"error":"input is too short"}}])");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(date)

using ymd = std::chrono::year_month_day;

// pydantic writes a date "YYYY-MM-DD" and reads one from a date-time whose time
// is zero or a Unix time that is a midnight; for each input js:
//   ta = TypeAdapter(date); ta.dump_json(ta.validate_json(js))
BOOST_AUTO_TEST_CASE(written_as_iso_read_as_pydantic_reads_a_date)
{
    using namespace std::chrono;
    test_support::check_round_trip(ymd{year{2025}, December, day{6}}, R"("2025-12-06")");
    test_support::check_round_trip(ymd{year{2024}, February, day{29}}, R"("2024-02-29")");
    test_support::check_round_trip(ymd{year{1}, January, day{1}}, R"("0001-01-01")");
    test_support::check_round_trip(ymd{year{9999}, December, day{31}}, R"("9999-12-31")");
    test_support::check_round_trip(ymd{year{1969}, December, day{31}}, R"("1969-12-31")");
    struct { const char* json; const char* date; } cases[] = {
        {R"("2025-12-06T00:00:00")", R"("2025-12-06")"},
        {R"("2025-12-06T00:00:00Z")", R"("2025-12-06")"},
        {R"("2025-12-06T00:00:00+01:00")", R"("2025-12-06")"}, // the local date: the offset is not applied
        {R"("2025-12-06 00:00")", R"("2025-12-06")"},
        {R"("2025-12-06t00:00:00,0z")", R"("2025-12-06")"},
        {"1733443200", R"("2024-12-06")"},
        {"1733443200000", R"("2024-12-06")"},
        {R"("1733443200")", R"("2024-12-06")"},
        {"86400.0", R"("1970-01-02")"},
        {"-86400", R"("1969-12-31")"},
        {R"("-86400")", R"("1969-12-31")"},
        {"-62135596800000", R"("0001-01-01")"},
    };
    for (auto const& c : cases)
        BOOST_TEST_CONTEXT(c.json)
        {
            BOOST_TEST(agent_engine::to_json(test_support::read<ymd>(c.json)) == c.date);
        }
}

// for each input js: TypeAdapter(date).validate_json(js) -> errors()[0]
BOOST_AUTO_TEST_CASE(errors_as_pydantic_reports_them)
{
    struct { const char* json; const char* type; const char* reason; } cases[] = {
        {"true", "date_type", nullptr},
        {"null", "date_type", nullptr},
        {R"("2023-02-29")", "date_from_datetime_parsing", "day value is outside expected range"},
        {R"("2025-13-01")", "date_from_datetime_parsing", "month value is outside expected range of 1-12"},
        {R"("")", "date_from_datetime_parsing", "input is too short"},
        {R"("2025-12-06X")", "date_from_datetime_parsing",
         "invalid datetime separator, expected `T`, `t`, `_` or space"},
        {R"("2025-12-06T0")", "date_from_datetime_parsing", "input is too short"},
        {R"("2025-12-06Tx0:00")", "date_from_datetime_parsing", "invalid character in hour"},
        {R"("2025-12-06T000:00")", "date_from_datetime_parsing", "invalid time separator, expected `:`"},
        {R"("2025-12-06T00:x0")", "date_from_datetime_parsing", "invalid character in minute"},
        {R"("2025-12-06T24:00:00")", "date_from_datetime_parsing", "hour value is outside expected range of 0-23"},
        {R"("2025-12-06T00:60")", "date_from_datetime_parsing", "minute value is outside expected range of 0-59"},
        {R"("2025-12-06T00:00:")", "date_from_datetime_parsing", "invalid character in second"},
        {R"("2025-12-06T00:00:60")", "date_from_datetime_parsing", "second value is outside expected range of 0-59"},
        {R"("2025-12-06T00:00:00.")", "date_from_datetime_parsing", "second fraction digits missing after `.`"},
        {R"("2025-12-06T00:00x")", "date_from_datetime_parsing", "invalid timezone sign"},
        {R"("2025-12-06T00:00:00+0x:00")", "date_from_datetime_parsing", "invalid timezone hour"},
        {R"("2025-12-06T00:00:00+01")", "date_from_datetime_parsing", "invalid timezone minute"},
        {R"("2025-12-06T00:00:00+01:60")", "date_from_datetime_parsing",
         "timezone minute value is outside expected range of 0-59"},
        {R"("2025-12-06T00:00:00+24:00")", "date_from_datetime_parsing", "timezone offset must be less than 24 hours"},
        {R"("2025-12-06T00:00:00Zx")", "date_from_datetime_parsing",
         "unexpected extra characters at the end of the input"},
        {R"("0000-01-01")", "date_parsing", "year 0 is out of range"},
        {R"("0000-01-01T00:00:00")", "date_parsing", "year 0 is out of range"},
        {R"("0000-01-01T00:00:0x")", "date_from_datetime_parsing", "invalid character in second"},
        {"1e20", "date_from_datetime_parsing", "dates after 9999 are not supported as unix timestamps"},
        {"-1e15", "date_from_datetime_parsing", "dates before 0000 are not supported as unix timestamps"},
        {"-62135683200000", "date_parsing", "year 0 is out of range"},
        {R"("2025-12-06T00:00:01Z")", "date_from_datetime_inexact", nullptr},
        {R"("2025-12-06T00:00:00.000001")", "date_from_datetime_inexact", nullptr},
        {"1733443201", "date_from_datetime_inexact", nullptr},
        {"1.5", "date_from_datetime_inexact", nullptr},
        {"-62135596801000", "date_from_datetime_inexact", nullptr},
    };
    for (auto const& c : cases) {
        BOOST_TEST_CONTEXT(c.json)
        {
            auto error = test_support::failure<ymd>(c.json);
            auto const& e = error.details->at("errors").as_array().at(0).as_object();
            BOOST_TEST(e.at("type").as_string() == c.type);
            if (c.reason)
                BOOST_TEST(e.at("ctx").at("error").as_string() == c.reason);
            else
                BOOST_TEST(!e.contains("ctx"));
        }
    }
    // messages, loc and input, in a list: json.dumps(e.errors(include_url=False)) for
    //   TypeAdapter(list[date]).validate_json('["2025-12-06", true, "0000-01-01", "2025-12-06T00:00:01Z", "x"]')
    BOOST_TEST(errors_of<std::vector<ymd>>(R"(["2025-12-06", true, "0000-01-01", "2025-12-06T00:00:01Z", "x"])") ==
               R"([{"type":"date_type","loc":[1],"msg":"Input should be a valid date","input":true},)"
               R"({"type":"date_parsing","loc":[2],"msg":"Input should be a valid date in the format YYYY-MM-DD, year 0 is out of range","input":"0000-01-01","ctx":{"error":"year 0 is out of range"}},)"
               R"({"type":"date_from_datetime_inexact","loc":[3],"msg":"Datetimes provided to dates should have zero time - e.g. be exact dates","input":"2025-12-06T00:00:01Z"},)"
               R"({"type":"date_from_datetime_parsing","loc":[4],"msg":"Input should be a valid date or datetime, input is too short","input":"x","ctx":{"error":"input is too short"}}])");
}

BOOST_AUTO_TEST_CASE(json_schema_format)
{
    // TypeAdapter(date).json_schema() -> {'format': 'date', 'type': 'string'}
    BOOST_TEST(test_support::compact(agent_engine::json_schema<ymd>()) == R"({"$schema":"https://json-schema.org/draft/2020-12/schema","type":"string","format":"date"})");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(uuid)

// pydantic writes a UUID lowercase and hyphenated, and reads it in every form
// the uuid crate takes; for each text t: TypeAdapter(UUID).dump_json(TypeAdapter(UUID).validate_json(json.dumps(t)))
BOOST_AUTO_TEST_CASE(written_hyphenated_read_in_every_form)
{
    test_support::check_round_trip(st::some_id, R"("12345678-1234-5678-abcd-567812345678")");
    for (const char* text : {R"("12345678-1234-5678-ABCD-567812345678")", R"("1234567812345678ABcd567812345678")",
                             R"("{12345678-1234-5678-abcd-567812345678}")",
                             R"("urn:uuid:12345678-1234-5678-abcd-567812345678")"})
        BOOST_TEST_CONTEXT(text) { BOOST_TEST((test_support::read<boost::uuids::uuid>(text) == st::some_id)); }
}

// The uuid crate's reasons, for each text t:
//   TypeAdapter(UUID).validate_json(json.dumps(t)) -> errors()[0]["ctx"]["error"]
BOOST_AUTO_TEST_CASE(reasons_of_a_malformed_uuid)
{
    struct { const char* text; const char* reason; } cases[] = {
        {"", "invalid length: expected length 32 for simple format, found 0"},
        {"a/b/../c", "invalid character: found `/` at 2"},
        {"URN:UUID:12345678-1234-5678-1234-567812345678", "invalid character: found `U` at 1"},
        {"\xc3\xa9" "1234567", "invalid character: found `\xc3\xa9` at 1"},
        {"{1234}", "invalid group count: expected 5, found 1"},
        {"{12345678123456781234567812345678}", "invalid group count: expected 5, found 1"},
        {"urn:uuid:12345678123456781234567812345678", "invalid group count: expected 5, found 1"},
        {"1234567812345678123456781234567-8", "invalid group count: expected 5, found 2"},
        {"12345678-1234-5678-1234-56781234567", "invalid group length in group 4: expected 12, found 11"},
        {"12345678-1234-5678-1234-5678123456789", "invalid group length in group 4: expected 12, found 13"},
        {"urn:uuid:12345678-1234-5678-1234-5678123456789", "invalid group length in group 4: expected 12, found 22"},
    };
    for (auto const& c : cases) {
        BOOST_TEST_CONTEXT(c.text)
        {
            auto error = test_support::failure<boost::uuids::uuid>(agent_engine::to_json(std::string(c.text)));
            auto const& e = error.details->at("errors").as_array().at(0).as_object();
            BOOST_TEST(e.at("type").as_string() == "uuid_parsing");
            BOOST_TEST(e.at("msg").as_string() == std::string("Input should be a valid UUID, ") + c.reason);
            BOOST_TEST(e.at("ctx").at("error").as_string() == c.reason);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(path)

// pydantic writes str(Path(t)); for each text t:
//   TypeAdapter(Path).dump_json(TypeAdapter(Path).validate_json(json.dumps(t)))
BOOST_AUTO_TEST_CASE(written_as_pathlib_writes_it)
{
    test_support::check_round_trip(std::filesystem::path("/var/log/agent.log"), R"("/var/log/agent.log")");
    test_support::check_round_trip(std::filesystem::path("a/../b"), R"("a/../b")");
    test_support::check_round_trip(std::filesystem::path("//a"), R"("//a")");
    test_support::check_round_trip(std::filesystem::path("/"), R"("/")");
    struct { const char* text; const char* written; } cases[] = {
        {"a//b/", R"("a/b")"}, {"./a/./b/.", R"("a/b")"}, {"///a", R"("/a")"}, {"", R"(".")"},
        {"./", R"(".")"},      {"//./a", R"("//a")"},     {"///", R"("/")"},   {"12345678-1234", R"("12345678-1234")"},
    };
    for (auto const& c : cases) {
        BOOST_TEST_CONTEXT(c.text)
        {
            auto p = test_support::read<std::filesystem::path>(agent_engine::to_json(std::string(c.text)));
            BOOST_TEST(p == std::filesystem::path(c.text)); // kept as given
            BOOST_TEST(test_support::written(p) == c.written);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

// pydantic's model_json_schema() for the same model:
//   Event.model_json_schema()["properties"] -> {"at": {"format": "date-time", "type": "string"}, ...}
BOOST_AUTO_TEST_CASE(json_schema_formats)
{
    auto schema = agent_engine::json_schema<st::Event>();
    auto const& properties = schema.at("properties");
    BOOST_TEST(test_support::compact(properties.at("at")) == R"({"type":"string","format":"date-time","title":"At"})");
    BOOST_TEST(test_support::compact(properties.at("id")) == R"({"type":"string","format":"uuid","title":"Id"})");
    BOOST_TEST(test_support::compact(properties.at("file")) == R"({"type":"string","format":"path","title":"File"})");
}

// pydantic's strict mode differs by input mode. Each expected text is, with the
// models above as pydantic models configured ConfigDict(strict=True):
//   M.model_validate(json.loads(t)).errors(include_url=False)   (python mode)
//   M.model_validate_json(t).errors(include_url=False)          (json mode)
BOOST_AUTO_TEST_SUITE(strict_mode)

const agent_engine::read_options strict_python{.mode = agent_engine::input_mode::python, .strict = true};
const agent_engine::read_options strict_json{.mode = agent_engine::input_mode::json, .strict = true};

// python mode wants the Python objects (datetime, UUID, Path, date, tuple), which JSON data never holds
BOOST_AUTO_TEST_CASE(python_mode_refuses_every_json_form)
{
    BOOST_TEST(errors_of<st::Event>(
                   R"({"at": "2025-12-06T02:45:18Z", "id": "12345678-1234-5678-1234-567812345678", "file": "a"})",
                   strict_python) ==
               R"([{"type":"datetime_type","loc":["at"],"msg":"Input should be a valid datetime","input":"2025-12-06T02:45:18Z"},)"
               R"({"type":"is_instance_of","loc":["id"],"msg":"Input should be an instance of UUID","input":"12345678-1234-5678-1234-567812345678","ctx":{"class":"UUID"}},)"
               R"({"type":"is_instance_of","loc":["file"],"msg":"Input should be an instance of Path","input":"a","ctx":{"class":"Path"}}])");
    BOOST_TEST(errors_of<st::Dated>(R"({"day": "2025-12-06", "point": [4, "four"]})", strict_python) ==
               R"([{"type":"date_type","loc":["day"],"msg":"Input should be a valid date","input":"2025-12-06"},)"
               R"({"type":"tuple_type","loc":["point"],"msg":"Input should be a valid tuple","input":[4,"four"]}])");
}

BOOST_AUTO_TEST_CASE(json_mode_reads_the_string_forms_only)
{
    auto event = test_support::read<st::Event>(
        R"({"at": "1733453118", "id": "12345678123456781234567812345678", "file": "a"})", strict_json);
    BOOST_TEST(test_support::written(event) ==
               R"({"at":"2024-12-06T02:45:18Z","id":"12345678-1234-5678-1234-567812345678","file":"a"})");
    BOOST_TEST(test_support::written(test_support::read<st::Dated>(R"({"day": "2025-12-06", "point": [4, "four"]})",
                                                                   strict_json)) ==
               R"({"day":"2025-12-06","point":[4,"four"]})");
    BOOST_TEST(errors_of<st::Event>(R"({"at": 1733453118, "id": 5, "file": 5})", strict_json) ==
               R"([{"type":"datetime_type","loc":["at"],"msg":"Input should be a valid datetime","input":1733453118},)"
               R"({"type":"uuid_type","loc":["id"],"msg":"UUID input should be a string, bytes or UUID object","input":5},)"
               R"({"type":"string_type","loc":["file"],"msg":"Input should be a valid string","input":5}])");
    BOOST_TEST(errors_of<st::Dated>(R"({"day": 1733443200, "point": ["4", "four"]})", strict_json) ==
               R"([{"type":"date_type","loc":["day"],"msg":"Input should be a valid date","input":1733443200},)"
               R"({"type":"int_type","loc":["point",0],"msg":"Input should be a valid integer","input":"4"}])");
}

// Strict JSON mode judges a datetime's text as a date-time only, and a date's as a date only.
BOOST_AUTO_TEST_CASE(json_mode_grammars_are_stricter)
{
    BOOST_TEST(errors_of<st::Event>(R"({"at": "2025-12-06", "id": "12345678123456781234567812345678", "file": "a"})",
                                    strict_json) ==
               R"([{"type":"datetime_parsing","loc":["at"],"msg":"Input should be a valid datetime, invalid datetime separator, expected `T`, `t`, `_` or space","input":"2025-12-06","ctx":{"error":"invalid datetime separator, expected `T`, `t`, `_` or space"}}])");
    BOOST_TEST(errors_of<st::Dated>(R"({"day": "2025-12-06T00:00:00Z", "point": [4]})", strict_json) ==
               R"([{"type":"date_parsing","loc":["day"],"msg":"Input should be a valid date in the format YYYY-MM-DD, unexpected extra characters at the end of the input","input":"2025-12-06T00:00:00Z","ctx":{"error":"unexpected extra characters at the end of the input"}},)"
               R"({"type":"missing","loc":["point",1],"msg":"Field required","input":[4]}])");
    BOOST_TEST(errors_of<st::Dated>(R"({"day": "1733443201", "point": [4, "four"]})", strict_json) ==
               R"([{"type":"date_parsing","loc":["day"],"msg":"Input should be a valid date in the format YYYY-MM-DD, Timestamp is not an exact date","input":"1733443201","ctx":{"error":"Timestamp is not an exact date"}}])");
}

BOOST_AUTO_TEST_SUITE_END()

// strict() on a member of these types: that member alone is read strict, in
// either input mode as a strict read would (pydantic 2.13.4):
//   class Pinned(BaseModel):
//       at: Annotated[AwareDatetime, Field(strict=True)]
//       day: Annotated[date, Field(strict=True)]
//       alarm: Annotated[time, Field(strict=True)]
//       wait: Annotated[Optional[timedelta], Field(strict=True)] = None
//       id: Annotated[UUID, Field(strict=True)]
//       file: Annotated[Path, Field(strict=True)]
//       since: AwareDatetime
namespace st {
struct Pinned {
    std::chrono::sys_time<microseconds> at{};
    std::chrono::year_month_day day{};
    agent_engine::time_of_day alarm{};
    std::optional<std::chrono::microseconds> wait;
    boost::uuids::uuid id{};
    std::filesystem::path file;
    std::chrono::sys_time<microseconds> since{};
};
BOOST_DESCRIBE_STRUCT(Pinned, (), (at, day, alarm, wait, id, file, since))
AGENT_ENGINE_REQUIRED(Pinned, at, day, alarm, id, file, since)
AGENT_ENGINE_CONSTRAINTS(Pinned, at, strict())
AGENT_ENGINE_CONSTRAINTS(Pinned, day, strict())
AGENT_ENGINE_CONSTRAINTS(Pinned, alarm, strict())
AGENT_ENGINE_CONSTRAINTS(Pinned, wait, strict())
AGENT_ENGINE_CONSTRAINTS(Pinned, id, strict())
AGENT_ENGINE_CONSTRAINTS(Pinned, file, strict())
} // namespace st

BOOST_AUTO_TEST_SUITE(strict_members)

// Pinned.model_validate_json(t): the numbers the lax `since` takes are refused
BOOST_AUTO_TEST_CASE(json_mode_refuses_the_numbers)
{
    BOOST_TEST(
        errors_of<st::Pinned>(
            R"({"at": 1733453118, "day": 1733443200, "alarm": 60, "wait": 5, "id": 5, "file": 5, "since": 1733453118})",
            {.mode = agent_engine::input_mode::json}) ==
        R"([{"type":"datetime_type","loc":["at"],"msg":"Input should be a valid datetime","input":1733453118},)"
        R"({"type":"date_type","loc":["day"],"msg":"Input should be a valid date","input":1733443200},)"
        R"({"type":"time_type","loc":["alarm"],"msg":"Input should be a valid time","input":60},)"
        R"({"type":"time_delta_type","loc":["wait"],"msg":"Input should be a valid duration","input":5},)"
        R"({"type":"uuid_type","loc":["id"],"msg":"UUID input should be a string, bytes or UUID object","input":5},)"
        R"({"type":"string_type","loc":["file"],"msg":"Input should be a valid string","input":5}])");
}

constexpr std::string_view pinned_text =
    R"({"at": "2024-12-06T02:45:18Z", "day": "2025-12-06", "alarm": "00:01:00", "wait": "PT5S", )"
    R"("id": "12345678-1234-5678-1234-567812345678", "file": "a", "since": "2024-12-06T02:45:18Z"})";

BOOST_AUTO_TEST_CASE(json_mode_reads_the_strings)
{
    // Pinned.model_validate_json(t).model_dump_json()
    auto pinned = test_support::read<st::Pinned>(pinned_text, {.mode = agent_engine::input_mode::json});
    BOOST_TEST(test_support::written(pinned) ==
               R"({"at":"2024-12-06T02:45:18Z","day":"2025-12-06","alarm":"00:01:00","wait":"PT5S",)"
               R"("id":"12345678-1234-5678-1234-567812345678","file":"a","since":"2024-12-06T02:45:18Z"})");
}

// Pinned.model_validate(json.loads(t)): python mode wants the Python objects
BOOST_AUTO_TEST_CASE(python_mode_refuses_the_strings)
{
    BOOST_TEST(
        errors_of<st::Pinned>(pinned_text, {.mode = agent_engine::input_mode::python}) ==
        R"([{"type":"datetime_type","loc":["at"],"msg":"Input should be a valid datetime","input":"2024-12-06T02:45:18Z"},)"
        R"({"type":"date_type","loc":["day"],"msg":"Input should be a valid date","input":"2025-12-06"},)"
        R"({"type":"time_type","loc":["alarm"],"msg":"Input should be a valid time","input":"00:01:00"},)"
        R"({"type":"time_delta_type","loc":["wait"],"msg":"Input should be a valid timedelta","input":"PT5S"},)"
        R"({"type":"is_instance_of","loc":["id"],"msg":"Input should be an instance of UUID","input":"12345678-1234-5678-1234-567812345678","ctx":{"class":"UUID"}},)"
        R"({"type":"is_instance_of","loc":["file"],"msg":"Input should be an instance of Path","input":"a","ctx":{"class":"Path"}}])");
}

BOOST_AUTO_TEST_SUITE_END()
