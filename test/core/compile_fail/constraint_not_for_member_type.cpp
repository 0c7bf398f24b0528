// Must not compile: a length constraint on a number member.
#include <agent_engine/agent_engine.hpp>

struct Schema {
    int retries = 0;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (retries))
AGENT_ENGINE_CONSTRAINTS(Schema, retries, min_length(1))

agent_engine::Result<Schema> reads() { return agent_engine::from_json<Schema>("{}"); }
