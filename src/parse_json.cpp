#include <agent_engine/core/conversion.hpp>

#include <boost/json/parser.hpp>

#include <algorithm>

namespace agent_engine {

Result<boost::json::value> parse_json(std::string_view text)
{
    boost::json::parse_options options;
    options.max_depth = max_json_depth;
    boost::json::parser p({}, options);
    boost::system::error_code ec;
    std::size_t offset = p.write(text.data(), text.size(), ec);
    if (!ec)
        return p.release();
    offset = std::min(offset, text.size());
    std::string_view before = text.substr(0, offset);
    std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    std::size_t line_start = before.rfind('\n');
    std::size_t column = offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
    std::string message = "Invalid JSON: " + ec.message() + " at line " + std::to_string(line) + ", column " +
                          std::to_string(column) + " (char " + std::to_string(offset) + ")";
    return make_error(EngineErrorCode::json, EngineErrorSource::json_engine, "invalid_json", std::move(message),
                      {{"reason", ec.message()}, {"line", line}, {"column", column}, {"offset", offset}});
}

} // namespace agent_engine
