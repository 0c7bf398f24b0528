// The same round trip through glaze's reflection of the mirror of Task
// (bench/mirror_glaze_schemas.hpp); C++23, as glaze needs with g++ 12. See
// agent_engine_direct.cpp.
#include "../mirror_glaze_schemas.hpp"

#ifndef HEADERS_ONLY
std::string write_task(const mirror_glaze::Task& task)
{
    std::string out;
    (void)glz::write_json(task, out);
    return out;
}

mirror_glaze::Task read_task(const std::string& text)
{
    mirror_glaze::Task task{};
    (void)glz::read_json(task, text);
    return task;
}
#endif
