// Must not compile: two members under one JSON key, where one would overwrite
// the other on every read and write. CASE_MEMBER_NAME: an alias equal to another
// member's name; CASE_ALIAS: equal to another member's alias.
#include <agent_engine/agent_engine.hpp>

#include <string>

struct Schema {
    std::string a;
    std::string b;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (a, b))
#if defined(CASE_MEMBER_NAME)
AGENT_ENGINE_ALIAS(Schema, a, "b")
#elif defined(CASE_ALIAS)
AGENT_ENGINE_ALIAS(Schema, a, "key")
AGENT_ENGINE_ALIAS(Schema, b, "key")
#endif

std::string writes() { return agent_engine::to_json(Schema{}); }
