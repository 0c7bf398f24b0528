// Must not compile: a declaration about unknown keys the library cannot follow,
// each case picked by its definition (none: the file builds):
//   CASE_BOTH                FORBID_EXTRA and ALLOW_EXTRA on one schema
//   CASE_FORBID_IN_DERIVED   FORBID_EXTRA on a class whose base has ALLOW_EXTRA
//   CASE_ALLOW_IN_DERIVED    ALLOW_EXTRA on a class whose base has FORBID_EXTRA
//   CASE_TWO_BASES           FORBID_EXTRA on one base, ALLOW_EXTRA on the other
//   CASE_DESCRIBED_MEMBER    ALLOW_EXTRA names a member BOOST_DESCRIBE_STRUCT lists
//   CASE_NOT_EXTRA_MEMBERS   ALLOW_EXTRA names a member of another type
#include <agent_engine/agent_engine.hpp>

#include <string>

namespace app {
struct Schema {
    std::string name;
    agent_engine::extra_members extra;
    boost::json::object other;
};
#if defined(CASE_DESCRIBED_MEMBER)
BOOST_DESCRIBE_STRUCT(Schema, (), (name, other))
AGENT_ENGINE_ALLOW_EXTRA(Schema, other)
#else
BOOST_DESCRIBE_STRUCT(Schema, (), (name))
#endif
#if defined(CASE_NOT_EXTRA_MEMBERS)
AGENT_ENGINE_ALLOW_EXTRA(Schema, other)
#elif defined(CASE_ALLOW_IN_DERIVED)
AGENT_ENGINE_FORBID_EXTRA(Schema)
#elif !defined(CASE_DESCRIBED_MEMBER)
AGENT_ENGINE_ALLOW_EXTRA(Schema, extra)
#endif
#if defined(CASE_BOTH)
AGENT_ENGINE_FORBID_EXTRA(Schema)
#endif

struct Derived : Schema {
    int n = 0;
    agent_engine::extra_members kept;
};
BOOST_DESCRIBE_STRUCT(Derived, (Schema), (n))
#if defined(CASE_FORBID_IN_DERIVED)
AGENT_ENGINE_FORBID_EXTRA(Derived)
#elif defined(CASE_ALLOW_IN_DERIVED)
AGENT_ENGINE_ALLOW_EXTRA(Derived, kept)
#endif

struct Other {
    int m = 0;
};
BOOST_DESCRIBE_STRUCT(Other, (), (m))
#if defined(CASE_TWO_BASES)
AGENT_ENGINE_FORBID_EXTRA(Other)
#endif

struct Joined : Schema, Other {};
BOOST_DESCRIBE_STRUCT(Joined, (Schema, Other), ())
} // namespace app

std::string writes()
{
    return agent_engine::to_json(app::Derived{}) + agent_engine::to_json(app::Schema{}) +
           agent_engine::to_json(app::Joined{});
}
