// The same round trip through nlohmann/json's struct macros on the mirror of
// Task (bench/mirror_nlohmann.hpp). See agent_engine_direct.cpp.
#include "../mirror_nlohmann.hpp"

#ifndef HEADERS_ONLY
std::string write_task(const mirror_nlohmann::Task& task) { return nlohmann::json(task).dump(); }

mirror_nlohmann::Task read_task(std::string_view text)
{
    return nlohmann::json::parse(text).get<mirror_nlohmann::Task>();
}
#endif
