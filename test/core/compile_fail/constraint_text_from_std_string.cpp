// Must not compile: pattern, one_of and satisfies keep a view of their text, which
// would dangle for a std::string (each of the three stops the build).
#include <agent_engine/agent_engine.hpp>

#include <string>

inline const std::string& stage_prefix()
{
    static const std::string prefix = "^stage-";
    return prefix;
}
inline bool non_empty(const std::string& s) { return !s.empty(); }

struct Schema {
    std::string id;
    std::string status;
    std::string note;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (id, status, note))
AGENT_ENGINE_CONSTRAINTS(Schema, id, pattern(stage_prefix()))
AGENT_ENGINE_CONSTRAINTS(Schema, status, one_of(std::string("pending"), "done"))
AGENT_ENGINE_CONSTRAINTS(Schema, note, satisfies(non_empty, std::string("must not be empty")))

agent_engine::Result<Schema> reads() { return agent_engine::from_json<Schema>("{}"); }
