#ifndef AGENT_ENGINE_HPP
#define AGENT_ENGINE_HPP

// agent_engine: describe a struct once with Boost.Describe; get JSON
// serialization, pydantic-grade validation and durable persistence for it.

#include <agent_engine/core/constraints.hpp>
#include <agent_engine/core/conversion.hpp>
#include <agent_engine/core/error.hpp>
#include <agent_engine/core/heap_optional.hpp>
#include <agent_engine/core/json_schema.hpp>
#include <agent_engine/core/ordered_map.hpp>
#include <agent_engine/core/representation.hpp>
#include <agent_engine/core/result.hpp>
#include <agent_engine/core/schema.hpp>
#include <agent_engine/core/validate.hpp>
#include <agent_engine/core/versioning.hpp>
#include <agent_engine/runtime/file_task_store.hpp>
#include <agent_engine/runtime/project_id.hpp>
#include <agent_engine/runtime/store_copy.hpp>
#include <agent_engine/runtime/store_migration.hpp>
#include <agent_engine/runtime/task_history.hpp>
#include <agent_engine/runtime/task_manager.hpp>
#include <agent_engine/runtime/task_metadata.hpp>
#include <agent_engine/runtime/task_store.hpp>
#include <agent_engine/runtime/timestamp.hpp>
#include <agent_engine/schemas/task.hpp>

#endif
