#ifndef AGENT_ENGINE_SCHEMAS_FAILURE_SIGNATURE_HPP
#define AGENT_ENGINE_SCHEMAS_FAILURE_SIGNATURE_HPP

// FailureSignature: a classified failure of a task, as the Python original records it.

#include <agent_engine/core/error.hpp>
#include <agent_engine/core/schema.hpp>
#include <agent_engine/schemas/failure_code.hpp>

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include <optional>
#include <string>

namespace agent_engine {

struct FailureSignature {
    FailureCode code = FailureCode::unknown;
    std::string message;
    std::optional<std::string> stage_id;
    Severity severity = Severity::error;
    boost::json::object metadata;
};
BOOST_DESCRIBE_STRUCT(FailureSignature, (), (code, message, stage_id, severity, metadata))
AGENT_ENGINE_REQUIRED(FailureSignature, code, message)
AGENT_ENGINE_STR_STRIP_WHITESPACE(FailureSignature) // as the original's SchemaBase (str_strip_whitespace=True)

} // namespace agent_engine

#endif
