// Must compile: the same build setup as the cases beside it, with a correct schema,
// so that their failures come from the mistakes they contain.
#include <agent_engine/agent_engine.hpp>

struct Schema {
    int listed = 0;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (listed))
AGENT_ENGINE_REQUIRED(Schema, listed)

bool reads() { return agent_engine::from_json<Schema>("{}").has_value(); }
