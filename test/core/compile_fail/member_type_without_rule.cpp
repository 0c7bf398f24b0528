// Must not compile: a member whose type has no JSON rule (an undescribed struct).
#include <agent_engine/agent_engine.hpp>

struct NotDescribed {
    int a = 0;
};

struct Schema {
    NotDescribed inner;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (inner))

std::string writes() { return agent_engine::to_json(Schema{}); }
