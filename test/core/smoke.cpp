#define BOOST_TEST_MODULE core_smoke
#include <boost/test/unit_test.hpp>

#include <agent_engine/agent_engine.hpp>

namespace smoke {
struct Point {
    int x = 0;
    int y = 0;
};
BOOST_DESCRIBE_STRUCT(Point, (), (x, y))
AGENT_ENGINE_REQUIRED(Point, x)
} // namespace smoke

BOOST_AUTO_TEST_CASE(round_trip_and_missing)
{
    auto p = agent_engine::from_json<smoke::Point>(R"({"x": 1, "y": 2})");
    BOOST_REQUIRE(p);
    BOOST_TEST(p.value().y == 2);
    auto bad = agent_engine::from_json<smoke::Point>(R"({"y": 2})");
    BOOST_REQUIRE(!bad);
    BOOST_TEST(bad.error().message ==
               "1 validation error for Point\nx\n  Field required [type=missing, input_value={'y': 2}, input_type=dict]");
}
