// Must not compile: reading starts from a default-constructed schema.
#include <agent_engine/agent_engine.hpp>

struct Schema {
    explicit Schema(int v) : value(v) {}
    int value;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (value))

bool reads() { return agent_engine::from_json<Schema>("{}").has_value(); }
