// The history itself (order, filters, paging, prune) is part of the store
// contract: store_conformance.hpp tests it against every store. Here: the
// durations and timestamps its queries are written in.

#include <boost/test/unit_test.hpp>

#include <agent_engine/core/constraints.hpp>
#include <agent_engine/runtime/task_history.hpp>
#include <agent_engine/runtime/timestamp.hpp>

using namespace agent_engine;

BOOST_AUTO_TEST_SUITE(task_history)

BOOST_AUTO_TEST_CASE(durations)
{
    BOOST_TEST(parse_duration("7d").value() == std::chrono::hours(24 * 7));
    BOOST_TEST(parse_duration("12h").value() == std::chrono::hours(12));
    BOOST_TEST(parse_duration("90s").value() == std::chrono::seconds(90));
    BOOST_TEST(parse_duration("15m").value() == std::chrono::minutes(15));
    BOOST_TEST(parse_duration("2w").value() == std::chrono::hours(24 * 14));
    BOOST_TEST(!parse_duration("7").has_value());
    BOOST_TEST(!parse_duration("d").has_value());
    BOOST_TEST(!parse_duration("-1d").has_value());
    BOOST_TEST(!parse_duration("7dd").has_value());
    BOOST_TEST(!parse_duration("99999999999999999999d").has_value());
}

BOOST_AUTO_TEST_CASE(timestamps)
{
    BOOST_TEST(format_utc_timestamp(parse_utc_timestamp("2025-12-06T02:45:18.337698Z").value()) ==
               "2025-12-06T02:45:18.337698Z");
    BOOST_TEST(format_utc_timestamp(parse_utc_timestamp("2025-12-06T04:45:18.5+02:00").value()) ==
               "2025-12-06T02:45:18.500000Z");
    BOOST_TEST(!parse_utc_timestamp("2025-02-30T00:00:00Z").has_value());
    BOOST_TEST(!parse_utc_timestamp("2025-12-06T02:45:18.Z").has_value());
    BOOST_TEST(!parse_utc_timestamp("2025-12-06").has_value());
    // Without an offset: UTC.
    BOOST_TEST(format_utc_timestamp(parse_utc_timestamp("2025-12-06 02:45:18").value()) == "2025-12-06T02:45:18.000000Z");
}

// One grammar: what the timestamp() constraint accepts, the history reads; what
// it rejects as no date-time, the history rejects too.
BOOST_AUTO_TEST_CASE(timestamps_the_constraint_accepts_are_read_by_the_history)
{
    for (const char* text : {"2025-12-06T02:45:18.337698Z", "2025-12-06t02:45:18z", "2025-12-06_02:45:18+00:00",
                             "2025-12-06 04:45:18.3376981+02:00", "2024-02-29T23:59:59.5-05:30"}) {
        BOOST_TEST_CONTEXT(text)
        {
            BOOST_TEST(!detail::check_timestamp(text).has_value());
            BOOST_TEST(parse_utc_timestamp(text).has_value());
        }
    }
    for (const char* text : {"2025-12-06T02:45:18.Z", "2025-12-06T02:45:18+24:00", "2025-12-06T02:60:00Z",
                             "2025-12-06X02:45:18Z", "2025-12-06T02:45:18Zjunk"}) {
        BOOST_TEST_CONTEXT(text)
        {
            BOOST_TEST(error_type_name(detail::check_timestamp(text)->type) == "datetime_from_date_parsing");
            BOOST_TEST(!parse_utc_timestamp(text).has_value());
        }
    }
    BOOST_TEST(format_utc_timestamp(parse_utc_timestamp("2025-12-06 04:45:18.3376981+02:00").value()) ==
               "2025-12-06T02:45:18.337698Z");
}

BOOST_AUTO_TEST_SUITE_END()
