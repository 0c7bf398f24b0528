#ifndef AGENT_ENGINE_SCHEMAS_FAILURE_CODE_HPP
#define AGENT_ENGINE_SCHEMAS_FAILURE_CODE_HPP

// FailureCode: the kind of failure a FailureSignature records.

#include <boost/describe/enum.hpp>

namespace agent_engine {

enum class FailureCode { plan_invalid, tool_failure, json_error, context_miss, timeout, unknown };
BOOST_DESCRIBE_ENUM(FailureCode, plan_invalid, tool_failure, json_error, context_miss, timeout, unknown)

} // namespace agent_engine

#endif
