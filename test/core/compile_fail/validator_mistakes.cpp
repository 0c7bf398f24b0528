// Must not compile: an AGENT_ENGINE_VALIDATOR function the library cannot call as
// std::optional<std::string>(const T&), each case picked by its definition:
//   CASE_NON_CONST     it takes the schema by non-const reference
//   CASE_OTHER_TYPE    it takes another type
//   CASE_RETURNS_BOOL  it returns bool, not the problem
#include <agent_engine/agent_engine.hpp>

#include <optional>
#include <string>

namespace app {
struct Other {};
struct Schema {
    int low = 0;
    int high = 0;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (low, high))

#if defined(CASE_NON_CONST)
inline std::optional<std::string> ordered(Schema& s)
{
    return s.low <= s.high ? std::nullopt : std::optional<std::string>("low above high");
}
#elif defined(CASE_OTHER_TYPE)
inline std::optional<std::string> ordered(const Other&) { return std::nullopt; }
#elif defined(CASE_RETURNS_BOOL)
inline bool ordered(const Schema& s) { return s.low <= s.high; }
#else
inline std::optional<std::string> ordered(const Schema& s)
{
    return s.low <= s.high ? std::nullopt : std::optional<std::string>("low above high");
}
#endif
AGENT_ENGINE_VALIDATOR(Schema, ordered)
} // namespace app

bool reads() { return agent_engine::from_json<app::Schema>("{}").has_value(); }
