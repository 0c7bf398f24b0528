// Must not compile: one_of lists strings for a number member.
#include <agent_engine/agent_engine.hpp>

struct Schema {
    int level = 0;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (level))
AGENT_ENGINE_CONSTRAINTS(Schema, level, one_of("low", "high"))

agent_engine::Result<Schema> reads() { return agent_engine::from_json<Schema>("{}"); }
