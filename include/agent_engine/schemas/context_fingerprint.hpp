#ifndef AGENT_ENGINE_SCHEMAS_CONTEXT_FINGERPRINT_HPP
#define AGENT_ENGINE_SCHEMAS_CONTEXT_FINGERPRINT_HPP

// ContextFingerprint: a summary of the context a task ran with. `mode` is a free
// string in the Python original (not a TaskMode), so it is one here too.

#include <agent_engine/core/schema.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

namespace agent_engine {

struct ContextFingerprint {
    std::string task_id;
    std::vector<std::string> files;
    std::vector<std::string> tags;
    std::optional<std::string> mode;
    std::optional<double> approx_complexity;
    std::optional<std::string> hash;
};
BOOST_DESCRIBE_STRUCT(ContextFingerprint, (), (task_id, files, tags, mode, approx_complexity, hash))
AGENT_ENGINE_REQUIRED(ContextFingerprint, task_id)
AGENT_ENGINE_STR_STRIP_WHITESPACE(ContextFingerprint) // as the original's SchemaBase (str_strip_whitespace=True)

} // namespace agent_engine

#endif
