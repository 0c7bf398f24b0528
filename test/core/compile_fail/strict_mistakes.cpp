// Must not compile: strict() where it would silently do nothing, each case picked
// by its definition (none: the file builds):
//   CASE_IN_EACH     each(strict()): each checks items already read, it reads none
//   CASE_WITH_ONE_OF strict() and one_of(...): pydantic refuses Strict() on a Literal
#include <agent_engine/agent_engine.hpp>

#include <vector>

struct Schema {
    std::vector<int> ids;
    int level = 1;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (ids, level))
#if defined(CASE_IN_EACH)
AGENT_ENGINE_CONSTRAINTS(Schema, ids, each(strict()))
#elif defined(CASE_WITH_ONE_OF)
AGENT_ENGINE_CONSTRAINTS(Schema, level, strict(), one_of(1, 2))
#else
AGENT_ENGINE_CONSTRAINTS(Schema, ids, each(ge(0)))
AGENT_ENGINE_CONSTRAINTS(Schema, level, strict())
#endif

agent_engine::Result<Schema> reads() { return agent_engine::from_json<Schema>("{}"); }
