#include <agent_engine/core/conversion.hpp>

namespace agent_engine {

Result<boost::json::value> parse_json(std::string_view text)
{
    text_reader r(text);
    boost::json::value v = r.capture();
    if (!r.finish())
        return r.error();
    return v;
}

} // namespace agent_engine
