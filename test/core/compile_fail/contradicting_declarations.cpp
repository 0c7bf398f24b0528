// Must not compile: a declaration the library cannot follow as written.
// CASE_NO_SUCH_MEMBER names a member the struct does not have; CASE_TWICE
// declares one member's alias twice in one place; CASE_TWO_PLACES declares it in
// the type's namespace and again globally, so that neither silently wins.
#include <agent_engine/agent_engine.hpp>

#include <string>

namespace app {
struct Schema {
    std::string a;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (a))
#if defined(CASE_NO_SUCH_MEMBER)
AGENT_ENGINE_ALIAS(Schema, nosuch, "key")
#elif defined(CASE_TWICE) || defined(CASE_TWO_PLACES)
AGENT_ENGINE_ALIAS(Schema, a, "first")
#endif
#if defined(CASE_TWICE)
AGENT_ENGINE_ALIAS(Schema, a, "second")
#endif
} // namespace app

#if defined(CASE_TWO_PLACES)
AGENT_ENGINE_ALIAS(app::Schema, a, "second")
#endif

std::string writes() { return agent_engine::to_json(app::Schema{}); }
