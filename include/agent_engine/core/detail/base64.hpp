#ifndef AGENT_ENGINE_CORE_DETAIL_BASE64_HPP
#define AGENT_ENGINE_CORE_DETAIL_BASE64_HPP

// Base64 as Python's base64 module has it, which pydantic's Base64Bytes and
// Base64UrlBytes call: b64encode / urlsafe_b64encode write padded text with no
// line breaks; b64decode / urlsafe_b64decode are binascii.a2b_base64 in its
// non-strict mode, whose quirks a reader must share to accept what pydantic
// accepts: a character outside the alphabet (a space, a newline, a '-' in the
// standard alphabet) is skipped, a pad that completes a group of four ends the
// text (what follows is ignored), and the bits left over are dropped.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace agent_engine {

// Which of RFC 4648's alphabets: '+' and '/' (base64), or '-' and '_' (base64url).
enum class base64_alphabet { standard, url };

namespace detail {

inline constexpr std::string_view base64_digits(base64_alphabet a) noexcept
{
    return a == base64_alphabet::standard ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                                          : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}

inline std::string base64_encode(std::string_view bytes, base64_alphabet a)
{
    std::string_view digits = base64_digits(a);
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::size_t n = bytes.size() - i < 3 ? bytes.size() - i : 3;
        std::uint32_t group = 0;
        for (std::size_t k = 0; k < 3; ++k)
            group = group << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        for (std::size_t k = 0; k < 4; ++k)
            out += k <= n ? digits[group >> (18 - 6 * k) & 0x3F] : '=';
    }
    return out;
}

// Each byte's digit value, or 64 for a byte outside the alphabet. urlsafe_b64decode
// turns '-' and '_' into '+' and '/' before decoding, so the url alphabet reads both.
inline constexpr std::array<std::uint8_t, 256> base64_values(base64_alphabet a) noexcept
{
    std::array<std::uint8_t, 256> values{};
    values.fill(64);
    std::string_view standard = base64_digits(base64_alphabet::standard);
    for (std::size_t i = 0; i < standard.size(); ++i)
        values[static_cast<unsigned char>(standard[i])] = static_cast<std::uint8_t>(i);
    if (a == base64_alphabet::url) {
        values['-'] = 62;
        values['_'] = 63;
    }
    return values;
}

// Decodes `text` into `out`; empty when it decoded, else Python's reason why not.
inline std::string base64_decode(std::string_view text, base64_alphabet a, std::vector<std::byte>& out)
{
    static constexpr auto standard_values = base64_values(base64_alphabet::standard);
    static constexpr auto url_values = base64_values(base64_alphabet::url);
    auto const& values = a == base64_alphabet::standard ? standard_values : url_values;
    out.clear();
    out.reserve(text.size() / 4 * 3 + 2);
    unsigned position = 0; // of the next digit in its group of four
    unsigned pads = 0;     // pads seen since the last digit
    std::uint32_t left = 0; // bits of the group not yet written
    for (unsigned char c : text) {
        if (c == '=') {
            // a pad counts once two digits of its group are in; one that completes the group ends the text
            if (position >= 2 && position + ++pads >= 4)
                return {};
            continue;
        }
        std::uint8_t v = values[c];
        if (v == 64)
            continue;
        pads = 0;
        left = left << 6 | v;
        if (position == 0) {
            position = 1;
            continue;
        }
        unsigned kept = 6 - 2 * position; // bits left over after this byte: 4, 2, 0
        out.push_back(static_cast<std::byte>(left >> kept & 0xFF));
        left &= (1u << kept) - 1;
        position = (position + 1) % 4;
    }
    if (position == 1)
        return "Invalid base64-encoded string: number of data characters (" + std::to_string(out.size() / 3 * 4 + 1) +
               ") cannot be 1 more than a multiple of 4";
    if (position != 0)
        return "Incorrect padding";
    return {};
}

} // namespace detail
} // namespace agent_engine

#endif
