#ifndef AGENT_ENGINE_SCHEMAS_STAGE_EXECUTION_RECORD_HPP
#define AGENT_ENGINE_SCHEMAS_STAGE_EXECUTION_RECORD_HPP

// StageExecutionRecord: what one stage of a task produced. `output` is any JSON
// (null when the stage produced nothing); `error` is set when the stage failed.

#include <agent_engine/core/error.hpp>

#include <boost/describe/class.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>

namespace agent_engine {

struct StageExecutionRecord {
    boost::json::value output;
    std::optional<EngineError> error;
    std::optional<std::string> started_at;
    std::optional<std::string> completed_at;
};
BOOST_DESCRIBE_STRUCT(StageExecutionRecord, (), (output, error, started_at, completed_at))

} // namespace agent_engine

#endif
