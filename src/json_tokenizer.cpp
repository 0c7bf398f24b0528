// The tokenizer's compiled part: the wording of a syntax error, which only a
// failed read needs.
#include <agent_engine/core/detail/json_tokenizer.hpp>

#include <string>

namespace agent_engine::detail {

EngineError json_tokenizer::error() const
{
    if (source_error_)
        return *source_error_;
    std::size_t line = 1, line_start = 0;
    for_each_piece_before(error_offset_, [&](std::string_view piece, std::size_t at) {
        for (std::size_t i = 0; i < piece.size(); ++i)
            if (piece[i] == '\n')
                ++line, line_start = at + i + 1;
    });
    std::size_t column = error_offset_ - line_start + 1;
    std::string message = "Invalid JSON: " + error_reason_ + " at line " + std::to_string(line) + ", column " +
                          std::to_string(column) + " (char " + std::to_string(error_offset_) + ")";
    return make_error(EngineErrorCode::json, EngineErrorSource::json_engine, "invalid_json", std::move(message),
                      {{"reason", error_reason_}, {"line", line}, {"column", column}, {"offset", error_offset_}});
}

} // namespace agent_engine::detail
