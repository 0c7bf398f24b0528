// Must not compile: a version or migration declaration the library cannot use,
// each case picked by its definition:
//   CASE_NOT_INTEGER             the version member is not an integer
//   CASE_BELOW_ONE               the current version is 0
//   CASE_A_DATE                  the current version is a date (20250101), not a count
//   CASE_UNDESCRIBED_MEMBER      the version member is not in BOOST_DESCRIBE_STRUCT
//   CASE_CHAIN_GAP               a version before the current one has no migration
//   CASE_MIGRATION_PAST_CURRENT  a migration from the current version (to one that does not exist)
//   CASE_MIGRATION_WITHOUT_VERSION  a migration for a schema without AGENT_ENGINE_SCHEMA_VERSION
//   CASE_MIGRATION_SIGNATURE     a migration that does not take the JSON object
#include <agent_engine/agent_engine.hpp>

#include <string>

namespace app {
struct Schema {
    int schema_version = 3;
    std::string name;
    int hidden = 0;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (schema_version, name))

inline agent_engine::Result<void> step(boost::json::object&) { return boost::outcome_v2::success(); }
inline agent_engine::Result<void> wrong(const std::string&) { return boost::outcome_v2::success(); }

#if defined(CASE_NOT_INTEGER)
AGENT_ENGINE_SCHEMA_VERSION(Schema, name, 2)
#elif defined(CASE_BELOW_ONE)
AGENT_ENGINE_SCHEMA_VERSION(Schema, schema_version, 0)
#elif defined(CASE_A_DATE)
AGENT_ENGINE_SCHEMA_VERSION(Schema, schema_version, 20250101)
#elif defined(CASE_UNDESCRIBED_MEMBER)
AGENT_ENGINE_SCHEMA_VERSION(Schema, hidden, 2)
#elif defined(CASE_CHAIN_GAP)
AGENT_ENGINE_SCHEMA_VERSION(Schema, schema_version, 3)
AGENT_ENGINE_MIGRATION(Schema, 1, step)
#elif defined(CASE_MIGRATION_PAST_CURRENT)
AGENT_ENGINE_SCHEMA_VERSION(Schema, schema_version, 2)
AGENT_ENGINE_MIGRATION(Schema, 1, step)
AGENT_ENGINE_MIGRATION(Schema, 2, step)
#elif defined(CASE_MIGRATION_WITHOUT_VERSION)
AGENT_ENGINE_MIGRATION(Schema, 1, step)
#elif defined(CASE_MIGRATION_SIGNATURE)
AGENT_ENGINE_SCHEMA_VERSION(Schema, schema_version, 2)
AGENT_ENGINE_MIGRATION(Schema, 1, wrong)
#endif
} // namespace app

bool reads() { return agent_engine::from_json<app::Schema>("{}").has_value(); }
