// Must not compile: strict() on a container member, where pydantic's
// Field(strict=True) leaves the items lax while a strict read here is strict all
// the way down (checked with pydantic 2.13: Annotated[tuple[int, int],
// Field(strict=True)] reads ["1", 2] from JSON as (1, 2)).
#include <agent_engine/agent_engine.hpp>

#include <vector>

struct Schema {
    std::vector<int> ids;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (ids))
AGENT_ENGINE_CONSTRAINTS(Schema, ids, strict())

agent_engine::Result<Schema> reads() { return agent_engine::from_json<Schema>("{}"); }
