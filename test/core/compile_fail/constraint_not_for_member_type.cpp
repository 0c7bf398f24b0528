// Must not compile: a constraint on a member of a type it does not apply to,
// each case picked by its definition. Its message must be the build's only
// error, for the read and the JSON Schema alike (test/core/CMakeLists.txt).
//   CASE_LENGTH_ON_NUMBER         min_length on an int
//   CASE_BOUND_ON_STRING          ge on a string
//   CASE_PATTERN_ON_NUMBER        pattern on an int
//   CASE_TIMESTAMP_ON_NUMBER      timestamp on an int
//   CASE_FINITE_NUMBER_ON_INT     finite_number on an int
//   CASE_UUID_VERSION_ON_STRING   uuid_version on a string
//   CASE_ONE_OF_STRINGS_ON_NUMBER one_of("low", "high") on an int
//   CASE_ONE_OF_STRINGS_ON_ENUM   one_of("red") on an enum (whose names are its JSON values already)
//   CASE_SATISFIES_OTHER_TYPE     satisfies with a predicate of another type
#include <agent_engine/agent_engine.hpp>

#include <string>

enum class Color { red, green };
BOOST_DESCRIBE_ENUM(Color, red, green)

struct Schema {
    int retries = 0;
    std::string name;
    Color color{};
};
BOOST_DESCRIBE_STRUCT(Schema, (), (retries, name, color))

#if defined(CASE_LENGTH_ON_NUMBER)
AGENT_ENGINE_CONSTRAINTS(Schema, retries, min_length(1))
#elif defined(CASE_BOUND_ON_STRING)
AGENT_ENGINE_CONSTRAINTS(Schema, name, ge(0))
#elif defined(CASE_PATTERN_ON_NUMBER)
AGENT_ENGINE_CONSTRAINTS(Schema, retries, pattern("^[0-9]+$"))
#elif defined(CASE_TIMESTAMP_ON_NUMBER)
AGENT_ENGINE_CONSTRAINTS(Schema, retries, timestamp())
#elif defined(CASE_FINITE_NUMBER_ON_INT)
AGENT_ENGINE_CONSTRAINTS(Schema, retries, finite_number())
#elif defined(CASE_UUID_VERSION_ON_STRING)
AGENT_ENGINE_CONSTRAINTS(Schema, name, uuid_version(4))
#elif defined(CASE_ONE_OF_STRINGS_ON_NUMBER)
AGENT_ENGINE_CONSTRAINTS(Schema, retries, one_of("low", "high"))
#elif defined(CASE_ONE_OF_STRINGS_ON_ENUM)
AGENT_ENGINE_CONSTRAINTS(Schema, color, one_of("red"))
#elif defined(CASE_SATISFIES_OTHER_TYPE)
inline bool is_short(const std::string& s) { return s.size() < 10; }
AGENT_ENGINE_CONSTRAINTS(Schema, retries, satisfies(&is_short, "too long"))
#endif

agent_engine::Result<Schema> reads() { return agent_engine::from_json<Schema>("{}"); }
boost::json::value describes() { return agent_engine::json_schema<Schema>(); }
