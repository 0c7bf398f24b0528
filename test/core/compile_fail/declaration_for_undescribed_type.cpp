// Must not compile: a declaration about a type BOOST_DESCRIBE_STRUCT does not
// describe, which no rule would ever read.
#include <agent_engine/agent_engine.hpp>

struct NotDescribed {
    int n = 0;
};
AGENT_ENGINE_FORBID_EXTRA(NotDescribed)
