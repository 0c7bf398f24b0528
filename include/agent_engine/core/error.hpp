#ifndef AGENT_ENGINE_CORE_ERROR_HPP
#define AGENT_ENGINE_CORE_ERROR_HPP

// EngineError: the one error type of the library, a described schema with the
// JSON shape of the Python original's EngineError.

#include <agent_engine/core/schema.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <boost/json/object.hpp>

#include <optional>
#include <string>

namespace agent_engine {

enum class EngineErrorCode { validation, routing, tool, agent, json, security, io, not_found, unknown };
BOOST_DESCRIBE_ENUM(EngineErrorCode, validation, routing, tool, agent, json, security, io, not_found, unknown)

enum class EngineErrorSource {
    config_loader,
    runtime,
    agent_runtime,
    tool_runtime,
    json_engine,
    memory,
    router,
    task_manager
};
BOOST_DESCRIBE_ENUM(EngineErrorSource, config_loader, runtime, agent_runtime, tool_runtime, json_engine,
                    memory, router, task_manager)

enum class Severity { info, warning, error, critical };
BOOST_DESCRIBE_ENUM(Severity, info, warning, error, critical)

struct EngineError {
    std::string error_id;
    EngineErrorCode code = EngineErrorCode::unknown;
    std::string message;
    EngineErrorSource source = EngineErrorSource::runtime;
    Severity severity = Severity::error;
    std::optional<boost::json::object> details;
    std::optional<std::string> stage_id;
    std::optional<std::string> task_id;
    std::optional<std::string> timestamp;
};
BOOST_DESCRIBE_STRUCT(EngineError, (),
                      (error_id, code, message, source, severity, details, stage_id, task_id, timestamp))
AGENT_ENGINE_REQUIRED(EngineError, error_id, code, message, source)

// Builds an error; `details` is omitted (null) when empty.
inline EngineError make_error(EngineErrorCode code, EngineErrorSource source, std::string error_id,
                              std::string message, boost::json::object details = {})
{
    EngineError e;
    e.error_id = std::move(error_id);
    e.code = code;
    e.message = std::move(message);
    e.source = source;
    if (!details.empty())
        e.details = std::move(details);
    return e;
}

} // namespace agent_engine

#endif
