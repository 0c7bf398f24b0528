#ifndef AGENT_ENGINE_CORE_JSON_SCHEMA_HPP
#define AGENT_ENGINE_CORE_JSON_SCHEMA_HPP

// json_schema<T>(): the JSON Schema (draft 2020-12) of any type with a JSON
// rule, shaped like pydantic's model_json_schema(): nested schemas and enums
// under "$defs" with "$ref", optionals as anyOf with {"type": "null"},
// "required", defaults from a default-constructed object, constraints as
// minLength / maxLength / minItems / maxItems / minimum / exclusiveMinimum /
// maximum / exclusiveMaximum / pattern / enum / format, "additionalProperties":
// false where unknown keys are forbidden, and descriptions. Each rule's
// `schema` member says what its type looks like (see json_rule.hpp).

#include <agent_engine/core/rules.hpp>
#include <agent_engine/core/schema_builder.hpp>

#include <boost/json/value.hpp>

namespace agent_engine {

template <class T> boost::json::value json_schema()
{
    schema_builder b;
    boost::json::value root = rule_of<T>::schema(b);
    return std::move(b).finish(std::move(root));
}

} // namespace agent_engine

#endif
