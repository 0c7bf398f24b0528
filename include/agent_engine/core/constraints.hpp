#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_HPP

// Validation rules declared next to BOOST_DESCRIBE_STRUCT, without changing
// member types (pydantic's Field(min_length=1, pattern=...) and validators):
//
//   BOOST_DESCRIBE_STRUCT(Stage, (), (stage_id, retries, status, started_at, completed_at))
//   AGENT_ENGINE_CONSTRAINTS(Stage, stage_id, min_length(1), pattern("^stage-"))
//   AGENT_ENGINE_CONSTRAINTS(Stage, retries, ge(0), le(10))
//   AGENT_ENGINE_CONSTRAINTS(Stage, score, finite_number())            // no NaN, no infinity
//   AGENT_ENGINE_CONSTRAINTS(Stage, status, one_of("pending", "done"))
//   AGENT_ENGINE_CONSTRAINTS(Stage, started_at, timestamp())          // optional: null passes
//   AGENT_ENGINE_CONSTRAINTS(Stage, tags, max_length(8), each(min_length(1)))
//   AGENT_ENGINE_CONSTRAINTS(Stage, run_id, uuid_version(4))           // pydantic's UUID4
//   AGENT_ENGINE_CONSTRAINTS(Stage, note, satisfies(is_trimmed, "no surrounding spaces"))
//   AGENT_ENGINE_CONSTRAINTS(Event, payload, discriminator<"kind">()) // a variant of schemas with a one_of tag
//   AGENT_ENGINE_DESCRIPTION(Stage, stage_id, "Unique id of the stage")
//   AGENT_ENGINE_SCHEMA_DESCRIPTION(Stage, "One stage of a task")
//   AGENT_ENGINE_VALIDATOR(Stage, completed_after_started)   // std::optional<std::string>(const Stage&)
//
// Each macro goes in the namespace of the type, next to BOOST_DESCRIBE_STRUCT, or
// in the global namespace; anywhere else it stops the build. A member gets one
// AGENT_ENGINE_CONSTRAINTS; its constraints are checked in the order written and
// the first that fails reports (pydantic reports one error per field), but for
// each(...), which judges every item as it is read (one error per failing item).
// A constraint on an std::optional member applies to the contained value.

#include <agent_engine/core/constraints/declarations.hpp>
#include <agent_engine/core/schema.hpp> // DESCRIPTION, SCHEMA_DESCRIPTION, VALIDATOR

#endif
