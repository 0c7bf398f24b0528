// The tokenizer's compiled part: the wording of a syntax error, which only a
// failed read needs; reading on over a source; and the rest of a string after
// its plain run (from an escape, a byte beyond ASCII, a control character or
// the window's end), already a call where it is used.
#include <agent_engine/core/detail/json_tokenizer.hpp>

#include <agent_engine/core/detail/utf8.hpp>

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

bool json_tokenizer::read_on(std::size_t keep)
{
    if (move_on(keep))
        return true;
    if (source_error_)
        fail("the text could not be read");
    return false;
}

void json_tokenizer::skip_ws_across_windows()
{
    while (pos_ == text_.size() && read_on(pos_))
        pos_ = static_cast<std::size_t>(scan_ws(text_.data()) - text_.data());
}

std::string_view json_tokenizer::read_string_rest(std::size_t start, std::string& buffer)
{
    const auto* s = reinterpret_cast<const unsigned char*>(text_.data());
    std::size_t n = text_.size();
    bool decoded = false;
    // Source mode: reads on so that the next escape or UTF-8 sequence is whole
    // in the window (\uXXXX\uXXXX is the longest), keeping the string read so
    // far while it is a view of the window.
    auto read_on_in_string = [&] {
        std::size_t moved = ensure(12, decoded ? pos_ : start);
        if (!decoded)
            start -= moved;
        s = reinterpret_cast<const unsigned char*>(text_.data());
        n = text_.size();
    };
    auto scan_run = [&] {
        std::size_t run = pos_;
        pos_ = static_cast<std::size_t>(plain_run_end(text_.data() + pos_) - text_.data());
        if (decoded)
            buffer.append(text_.data() + run, pos_ - run);
    };
    while (true) {
        if (pos_ == n) {
            if (!can_read_on()) {
                fail("incomplete JSON");
                return {};
            }
            read_on_in_string();
            scan_run();
            continue;
        }
        unsigned char c = s[pos_];
        if (c == '"') {
            ++pos_;
            return decoded ? std::string_view(buffer) : text_.substr(start, pos_ - 1 - start);
        }
        if (c < 0x20) {
            fail("illegal control character in string");
            return {};
        }
        if (n - pos_ < 12 && can_read_on()) {
            read_on_in_string();
            continue; // the same byte, with what follows it
        }
        if (c == '\\') {
            // the first escape: from here on the string is built in `buffer`
            if (!decoded) {
                buffer.assign(text_.data() + start, pos_ - start);
                decoded = true;
            }
            if (!read_escape(buffer))
                return {};
        } else {
            std::size_t len = utf8_sequence_length(text_, pos_);
            if (len == 0) {
                fail("invalid UTF-8 in string");
                return {};
            }
            if (decoded)
                buffer.append(text_.data() + pos_, len);
            pos_ += len;
        }
        scan_run();
    }
}

bool json_tokenizer::read_escape(std::string& buffer)
{
    ++pos_;
    if (pos_ >= text_.size()) {
        fail("incomplete JSON");
        return false;
    }
    char c = text_[pos_++];
    switch (c) {
    case '"': buffer += '"'; return true;
    case '\\': buffer += '\\'; return true;
    case '/': buffer += '/'; return true;
    case 'b': buffer += '\b'; return true;
    case 'f': buffer += '\f'; return true;
    case 'n': buffer += '\n'; return true;
    case 'r': buffer += '\r'; return true;
    case 't': buffer += '\t'; return true;
    case 'u': break;
    default: --pos_; fail("illegal escape in string"); return false;
    }
    unsigned cp = 0;
    if (!read_hex4(cp))
        return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        unsigned low = 0;
        if (text_.substr(pos_, 2) != "\\u") {
            fail("illegal leading surrogate");
            return false;
        }
        pos_ += 2;
        if (!read_hex4(low))
            return false;
        if (low < 0xDC00 || low > 0xDFFF) {
            fail("illegal trailing surrogate");
            return false;
        }
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        fail("illegal trailing surrogate");
        return false;
    }
    append_utf8(buffer, cp);
    return true;
}

bool json_tokenizer::read_hex4(unsigned& out)
{
    if (text_.size() - pos_ < 4) {
        fail("incomplete JSON");
        return false;
    }
    for (int i = 0; i < 4; ++i) {
        char h = text_[pos_];
        unsigned digit = h >= '0' && h <= '9'   ? unsigned(h - '0')
                         : h >= 'a' && h <= 'f' ? unsigned(h - 'a' + 10)
                         : h >= 'A' && h <= 'F' ? unsigned(h - 'A' + 10)
                                                : 16u;
        if (digit == 16) {
            fail("expected a hex digit");
            return false;
        }
        out = out * 16 + digit;
        ++pos_;
    }
    return true;
}

} // namespace agent_engine::detail
