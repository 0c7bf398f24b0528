// Must not compile: each(...) on a member whose items it cannot judge as they
// are read, each case picked by its definition:
//   CASE_MAP     a map (its items are not a list's)
//   CASE_NUMBER  a number (no items at all)
#include <agent_engine/agent_engine.hpp>

#include <map>
#include <string>

struct Schema {
    std::map<std::string, int> counters;
    int count = 0;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (counters, count))
#if defined(CASE_MAP)
AGENT_ENGINE_CONSTRAINTS(Schema, counters, each(ge(0)))
#elif defined(CASE_NUMBER)
AGENT_ENGINE_CONSTRAINTS(Schema, count, each(ge(0)))
#endif

agent_engine::Result<Schema> reads() { return agent_engine::from_json<Schema>("{}"); }
