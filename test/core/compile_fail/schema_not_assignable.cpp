// Must not compile: a schema that cannot be assigned where a read resets one,
// each case picked by its definition:
//   CASE_NESTED     a member of another schema (its read starts from its defaults)
//   CASE_VERSIONED  a versioned schema read from text (an older document is read again)
#include <agent_engine/agent_engine.hpp>

namespace app {
struct Fixed {
    int schema_version = 2;
    int value = 0;
    Fixed() = default;
    Fixed(Fixed&&) = default;
    Fixed& operator=(Fixed&&) = delete;
};
BOOST_DESCRIBE_STRUCT(Fixed, (), (schema_version, value))

#if defined(CASE_NESTED)
struct Holder {
    Fixed fixed;
};
BOOST_DESCRIBE_STRUCT(Holder, (), (fixed))
using Read = Holder;
#elif defined(CASE_VERSIONED)
inline agent_engine::Result<void> step(boost::json::object&) { return boost::outcome_v2::success(); }
AGENT_ENGINE_SCHEMA_VERSION(Fixed, schema_version, 2)
AGENT_ENGINE_MIGRATION(Fixed, 1, step)
using Read = Fixed;
#endif
} // namespace app

bool reads() { return agent_engine::from_json<app::Read>("{}").has_value(); }
