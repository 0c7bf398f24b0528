// The Task round trip through agent_engine's direct paths (text, no DOM).
// Compiled, never run, by bench/compile_time/run; HEADERS_ONLY leaves the
// headers and the schema definitions alone, to tell their cost from the
// conversion's.
#include <agent_engine/core/conversion.hpp>
#include <agent_engine/schemas/task.hpp>

#ifndef HEADERS_ONLY
std::string write_task(const agent_engine::Task& task) { return agent_engine::to_json(task); }

agent_engine::Result<agent_engine::Task> read_task(std::string_view text)
{
    return agent_engine::from_json<agent_engine::Task>(text);
}
#endif
