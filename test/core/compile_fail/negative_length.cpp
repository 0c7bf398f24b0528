// Must not compile: a negative min_length or max_length, which a std::size_t
// would take as 18446744073709551615; each case picked by its definition:
//   CASE_MIN  min_length(-1) on a string member
//   CASE_MAX  max_length(-2) on a list member
#include <agent_engine/agent_engine.hpp>

#include <string>
#include <vector>

namespace app {
struct Schema {
    std::string name;
    std::vector<int> items;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (name, items))
#if defined(CASE_MIN)
AGENT_ENGINE_CONSTRAINTS(Schema, name, min_length(-1))
#elif defined(CASE_MAX)
AGENT_ENGINE_CONSTRAINTS(Schema, items, max_length(-2))
#endif
} // namespace app

bool reads() { return agent_engine::from_json<app::Schema>("{}").has_value(); }
