#include "entry_points.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size)
{
    agent_engine::fuzz::standard_types_from_json(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
