#ifndef AGENT_ENGINE_CORE_RULES_HPP
#define AGENT_ENGINE_CORE_RULES_HPP

// Every JSON rule the library ships (see json_rule.hpp).

#include <agent_engine/core/rules/boolean.hpp>
#include <agent_engine/core/rules/bytes.hpp>
#include <agent_engine/core/rules/described.hpp>
#include <agent_engine/core/rules/duration.hpp>
#include <agent_engine/core/rules/enum.hpp>
#include <agent_engine/core/rules/json_value.hpp>
#include <agent_engine/core/rules/map.hpp>
#include <agent_engine/core/rules/number.hpp>
#include <agent_engine/core/rules/optional.hpp>
#include <agent_engine/core/rules/path.hpp>
#include <agent_engine/core/rules/pointer.hpp>
#include <agent_engine/core/rules/representation.hpp>
#include <agent_engine/core/rules/sequence.hpp>
#include <agent_engine/core/rules/set.hpp>
#include <agent_engine/core/rules/string.hpp>
#include <agent_engine/core/rules/tuple.hpp>
#include <agent_engine/core/rules/time.hpp>
#include <agent_engine/core/rules/time_of_day.hpp>
#include <agent_engine/core/rules/uuid.hpp>
#include <agent_engine/core/rules/variant.hpp>

#endif
