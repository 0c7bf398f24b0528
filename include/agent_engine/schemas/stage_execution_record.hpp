#ifndef AGENT_ENGINE_SCHEMAS_STAGE_EXECUTION_RECORD_HPP
#define AGENT_ENGINE_SCHEMAS_STAGE_EXECUTION_RECORD_HPP

// StageExecutionRecord: what one stage of a task produced. `output` is any JSON
// (null when the stage produced nothing); `error` is set when the stage failed.
// `error` is a heap_optional (used like std::optional): most stages succeed, and an
// empty one takes 8 bytes where an empty std::optional<EngineError> takes 240 in
// every entry of a long stage_results.

#include <agent_engine/core/error.hpp>
#include <agent_engine/core/heap_optional.hpp>
#include <agent_engine/core/schema.hpp>

#include <boost/describe/class.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>

namespace agent_engine {

struct StageExecutionRecord {
    boost::json::value output;
    heap_optional<EngineError> error;
    std::optional<std::string> started_at;
    std::optional<std::string> completed_at;
};
BOOST_DESCRIBE_STRUCT(StageExecutionRecord, (), (output, error, started_at, completed_at))
AGENT_ENGINE_STR_STRIP_WHITESPACE(StageExecutionRecord) // as the original's SchemaBase (str_strip_whitespace=True)

} // namespace agent_engine

#endif
