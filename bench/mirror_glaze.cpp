// The glaze contestant's calls (mirror_glaze.hpp), compiled as C++23.

#include "mirror_glaze.hpp"
#include "mirror_glaze_schemas.hpp"

namespace mirror_glaze {

void task_deleter::operator()(Task* task) const noexcept { delete task; }

task_ptr read(const std::string& text, std::string& error)
{
    task_ptr task(new Task{});
    if (auto ec = glz::read_json(*task, text)) {
        error = glz::format_error(ec, text);
        task.reset();
    }
    return task;
}

bool read_discard(const std::string& text)
{
    Task task{};
    return !glz::read_json(task, text);
}

bool validate(const std::string& text) { return !glz::validate_json(text); }

std::string write(const Task& task, bool skip_null)
{
    std::string out;
    auto ec = skip_null ? glz::write<glz::opts{.skip_null_members = true}>(task, out)
                        : glz::write<glz::opts{.skip_null_members = false}>(task, out);
    if (ec)
        out.clear();
    return out;
}

} // namespace mirror_glaze
