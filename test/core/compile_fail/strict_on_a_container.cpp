// Must not compile: strict() on a container member, where pydantic's
// Field(strict=True) would leave the items lax and JSON holds no tuple or set to
// refuse: it would mean nothing.
#include <agent_engine/agent_engine.hpp>

#include <vector>

struct Schema {
    std::vector<int> ids;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (ids))
AGENT_ENGINE_CONSTRAINTS(Schema, ids, strict())

agent_engine::Result<Schema> reads() { return agent_engine::from_json<Schema>("{}"); }
