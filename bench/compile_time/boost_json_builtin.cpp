// The same round trip through Boost.JSON's built-in conversion of a described
// mirror of Task (bench/mirror_boost.hpp). See agent_engine_direct.cpp.
#include "../mirror_boost.hpp"

#ifndef HEADERS_ONLY
std::string write_task(const mirror_boost::Task& task)
{
    return boost::json::serialize(boost::json::value_from(task));
}

mirror_boost::Task read_task(std::string_view text)
{
    return boost::json::value_to<mirror_boost::Task>(boost::json::parse(text));
}
#endif
