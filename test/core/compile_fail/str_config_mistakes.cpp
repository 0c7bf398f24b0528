// Must not compile: a str configuration the library cannot follow, each case
// picked by its definition (none: the file builds):
//   CASE_LOWER_AND_UPPER   STR_TO_UPPER on a class whose base has STR_TO_LOWER
//   CASE_UNDESCRIBED       STR_MIN_LENGTH on a type BOOST_DESCRIBE_STRUCT does not describe
//   CASE_NEGATIVE_LENGTH   STR_MAX_LENGTH with a negative length
#include <agent_engine/agent_engine.hpp>

#include <string>

namespace app {
struct Schema {
    std::string name;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (name))
AGENT_ENGINE_STR_TO_LOWER(Schema)
AGENT_ENGINE_STR_MIN_LENGTH(Schema, 1)

struct Derived : Schema {
    std::string other;
};
BOOST_DESCRIBE_STRUCT(Derived, (Schema), (other))
#if defined(CASE_LOWER_AND_UPPER)
AGENT_ENGINE_STR_TO_UPPER(Derived)
#endif
#if defined(CASE_NEGATIVE_LENGTH)
AGENT_ENGINE_STR_MAX_LENGTH(Derived, -1)
#endif

struct Undescribed {
    std::string name;
};
#if defined(CASE_UNDESCRIBED)
AGENT_ENGINE_STR_MIN_LENGTH(Undescribed, 1)
#endif
} // namespace app

std::string writes()
{
    auto derived = agent_engine::from_json<app::Derived>(R"({"name": "A"})");
    return derived ? derived.value().name : std::string();
}
