// Must not compile: a declaration written in a namespace that is neither its
// type's nor the global one, where the library cannot find it and would ignore
// it. One case per declaration macro, chosen by the CASE_... definition.
#include <agent_engine/agent_engine.hpp>

#include <optional>
#include <string>

namespace app {
struct Schema {
    std::string name;
    int n = 0;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (name, n))
enum class Status { pending, in_progress };
BOOST_DESCRIBE_ENUM(Status, pending, in_progress)
inline std::optional<std::string> always_valid(const Schema&) { return std::nullopt; }
} // namespace app

namespace registrations {
#if defined(CASE_REQUIRED)
AGENT_ENGINE_REQUIRED(app::Schema, name)
#elif defined(CASE_FORBID_EXTRA)
AGENT_ENGINE_FORBID_EXTRA(app::Schema)
#elif defined(CASE_STRICT)
AGENT_ENGINE_STRICT(app::Schema)
#elif defined(CASE_STR_TO_LOWER)
AGENT_ENGINE_STR_TO_LOWER(app::Schema)
#elif defined(CASE_STR_MIN_LENGTH)
AGENT_ENGINE_STR_MIN_LENGTH(app::Schema, 1)
#elif defined(CASE_VALIDATE_BY_NAME)
AGENT_ENGINE_VALIDATE_BY_NAME(app::Schema)
#elif defined(CASE_VALIDATE_DEFAULT)
AGENT_ENGINE_VALIDATE_DEFAULT(app::Schema)
#elif defined(CASE_ALIAS)
AGENT_ENGINE_ALIAS(app::Schema, name, "full-name")
#elif defined(CASE_CONSTRAINTS)
AGENT_ENGINE_CONSTRAINTS(app::Schema, n, ge(0))
#elif defined(CASE_DESCRIPTION)
AGENT_ENGINE_DESCRIPTION(app::Schema, n, "How many")
#elif defined(CASE_SCHEMA_DESCRIPTION)
AGENT_ENGINE_SCHEMA_DESCRIPTION(app::Schema, "A schema")
#elif defined(CASE_VALIDATOR)
AGENT_ENGINE_VALIDATOR(app::Schema, app::always_valid)
#elif defined(CASE_TITLE)
AGENT_ENGINE_TITLE(app::Schema, "Record")
#elif defined(CASE_SCHEMA_VERSION)
AGENT_ENGINE_SCHEMA_VERSION(app::Schema, n, 1)
#elif defined(CASE_ENUM_VALUE)
AGENT_ENGINE_ENUM_VALUE(app::Status, in_progress, "in-progress")
#elif defined(CASE_INT_ENUM)
AGENT_ENGINE_INT_ENUM(app::Status)
#endif
} // namespace registrations

bool reads() { return agent_engine::from_json<app::Schema>("{}").has_value(); }
