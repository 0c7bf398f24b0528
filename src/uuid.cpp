// UUIDs as pydantic reads and writes them: its parser is Rust's uuid crate,
// whose reasons are repeated here word for word.
#include <agent_engine/core/rules/uuid.hpp>

#include <array>
#include <cstddef>
#include <string>

namespace agent_engine::detail {

namespace {

int hex_value(char c) noexcept
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// 32 hex digits, with hyphens where `hyphenated` puts them; whether they are.
bool read_digits(std::string_view s, bool hyphenated, boost::uuids::uuid& out) noexcept
{
    std::size_t at = 0;
    for (std::size_t byte = 0; byte < 16; ++byte) {
        if (hyphenated && (byte == 4 || byte == 6 || byte == 8 || byte == 10) && s[at++] != '-')
            return false;
        int high = hex_value(s[at]), low = hex_value(s[at + 1]);
        if (high < 0 || low < 0)
            return false;
        out.data[byte] = static_cast<std::uint8_t>(high * 16 + low);
        at += 2;
    }
    return true;
}

// The uuid crate's reason for a text it did not read (its InvalidUuid::into_err).
std::string reason(std::string_view input)
{
    std::string_view body = input;
    std::size_t offset = 0;
    bool simple = true;
    if (input.size() >= 2 && input.front() == '{' && input.back() == '}') {
        body = input.substr(1, input.size() - 2);
        offset = 1;
        simple = false;
    } else if (input.starts_with("urn:uuid:")) {
        body = input.substr(9);
        offset = 9;
        simple = false;
    }
    std::size_t hyphens = 0;
    std::array<std::size_t, 4> bounds{};
    for (std::size_t i = 0; i < body.size(); ++i) {
        auto c = static_cast<unsigned char>(body[i]);
        if (c == '-') {
            if (hyphens < 4)
                bounds[hyphens] = i;
            ++hyphens;
        } else if (hex_value(body[i]) < 0) {
            // the whole character, as UTF-8: its length from its first byte
            std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            return "invalid character: found `" + std::string(body.substr(i, len)) + "` at " +
                   std::to_string(i + offset + 1);
        }
    }
    if (hyphens == 0 && simple)
        return "invalid length: expected length 32 for simple format, found " + std::to_string(input.size());
    if (hyphens != 4)
        return "invalid group count: expected 5, found " + std::to_string(hyphens + 1);
    static constexpr std::array<std::size_t, 5> starts = {0, 9, 14, 19, 24};
    static constexpr std::array<std::size_t, 5> lengths = {8, 4, 4, 4, 12};
    auto group = [](std::size_t g, std::size_t len) {
        return "invalid group length in group " + std::to_string(g) + ": expected " + std::to_string(lengths[g]) +
               ", found " + std::to_string(len);
    };
    for (std::size_t g = 0; g < 4; ++g)
        if (bounds[g] != starts[g + 1] - 1)
            return group(g, bounds[g] - starts[g]);
    return group(4, input.size() - starts[4]); // the crate counts the whole input here
}

} // namespace

std::string read_uuid(std::string_view s, boost::uuids::uuid& out)
{
    bool read = false;
    switch (s.size()) {
    case 32: read = read_digits(s, false, out); break;
    case 36: read = read_digits(s, true, out); break;
    case 38: read = s.front() == '{' && s.back() == '}' && read_digits(s.substr(1, 36), true, out); break;
    case 45: read = s.starts_with("urn:uuid:") && read_digits(s.substr(9), true, out); break;
    default: break;
    }
    return read ? std::string() : reason(s);
}

std::string uuid_text(const boost::uuids::uuid& id)
{
    constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t byte = 0; byte < 16; ++byte) {
        if (byte == 4 || byte == 6 || byte == 8 || byte == 10)
            out += '-';
        out += hex[id.data[byte] >> 4];
        out += hex[id.data[byte] & 15];
    }
    return out;
}

} // namespace agent_engine::detail
