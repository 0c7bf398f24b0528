#ifndef AGENT_ENGINE_BENCH_MIRROR_GLAZE_HPP
#define AGENT_ENGINE_BENCH_MIRROR_GLAZE_HPP

// The glaze contestant (optional: AGENT_ENGINE_GLAZE_DIR). glaze needs C++23 with
// g++ 12, so its mirror of the Task schemas (mirror_schemas.inc) is complete only
// in mirror_glaze.cpp, compiled as C++23; the bench, in C++20, sees these calls.

#include <memory>
#include <string>

namespace mirror_glaze {

struct Task;
struct task_deleter {
    void operator()(Task* task) const noexcept;
};
using task_ptr = std::unique_ptr<Task, task_deleter>;

// `text` into a new Task; null, with glaze's message in `error`, when it fails.
task_ptr read(const std::string& text, std::string& error);
// What a timed read does: a Task read and destroyed, as from_json's result is.
bool read_discard(const std::string& text);
// Whether `text` is JSON (glz::validate_json): glaze's tokenizer alone, nothing built.
bool validate(const std::string& text);
// Compact text. `skip_null` is glaze's skip_null_members (true by default in glaze,
// which then leaves out the null members agent_engine and pydantic write).
std::string write(const Task& task, bool skip_null);

} // namespace mirror_glaze

#endif
