// Must not compile: strict() where it would silently do nothing, each case picked
// by its definition (none: the file builds, strict() inside each(...) too):
//   CASE_WITH_ONE_OF strict() and one_of(...): pydantic refuses Strict() on a Literal
#include <agent_engine/agent_engine.hpp>

#include <vector>

struct Schema {
    std::vector<int> ids;
    int level = 1;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (ids, level))
#if defined(CASE_WITH_ONE_OF)
AGENT_ENGINE_CONSTRAINTS(Schema, level, strict(), one_of(1, 2))
#else
AGENT_ENGINE_CONSTRAINTS(Schema, ids, each(strict(), ge(0)))
AGENT_ENGINE_CONSTRAINTS(Schema, level, strict())
#endif

agent_engine::Result<Schema> reads() { return agent_engine::from_json<Schema>("{}"); }
