// Must not compile: AGENT_ENGINE_CONSTRAINTS names a member BOOST_DESCRIBE_STRUCT leaves out
// (it would never be checked).
#include <agent_engine/agent_engine.hpp>

struct Schema {
    int listed = 0;
    int unlisted = 0;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (listed))
AGENT_ENGINE_CONSTRAINTS(Schema, unlisted, ge(0))

bool reads() { return agent_engine::from_json<Schema>("{}").has_value(); }
