// Must not compile: each(...) on a map member (its items are not a list's).
#include <agent_engine/agent_engine.hpp>

#include <map>
#include <string>

struct Schema {
    std::map<std::string, int> counters;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (counters))
AGENT_ENGINE_CONSTRAINTS(Schema, counters, each(ge(0)))

agent_engine::Result<Schema> reads() { return agent_engine::from_json<Schema>("{}"); }
