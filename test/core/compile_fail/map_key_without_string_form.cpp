// Must not compile: a map keyed by a type with no string form (a double: pydantic
// has dict[float, V], but a float key's text is not one the library writes).
#include <agent_engine/agent_engine.hpp>

#include <map>

struct Schema {
    std::map<double, int> by_weight;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (by_weight))

std::string writes() { return agent_engine::to_json(Schema{}); }
