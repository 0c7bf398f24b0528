// str_to_lower / str_to_upper beyond ASCII (detail/unicode_case.hpp): each
// character through the tables, and the final sigma.
#include <agent_engine/core/detail/unicode_case.hpp>
#include <agent_engine/core/detail/unicode_case_mapping.hpp>

#include <cstring>
#include <string>
#include <string_view>

namespace agent_engine::detail {

bool changes_letter_case(std::string_view s, letter_case to_case)
{
    if (to_case == letter_case::kept)
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned c = static_cast<unsigned char>(s[i]);
        if (changes_ascii_letter(c, to_case))
            return true;
        if (c >= 0x80) { // the mapping beyond ASCII, on a copy: rare enough not to have a form of its own
            std::string copy(s);
            return change_letter_case_from(copy, i, to_case);
        }
    }
    return false;
}

bool change_letter_case_from(std::string& s, std::size_t i, letter_case to_case)
{
    constexpr std::uint32_t capital_sigma = 0x3A3, small_sigma = 0x3C3, final_sigma = 0x3C2;
    const bool lower = to_case == letter_case::lower;
    const bool sigma = lower && std::string_view(s).find("\xCE\xA3", i) != std::string_view::npos;
    bool cased_before = false; // the last code point before s[i] not case-ignorable is cased
    if (sigma) {
        // s[0, i) is ASCII, its letters only changed case.
        for (std::size_t k = i; k-- > 0;) {
            case_context context = case_context_of(static_cast<unsigned char>(s[k]));
            if (context != case_context::ignorable) {
                cased_before = context == case_context::cased;
                break;
            }
        }
    }
    bool changed = false, copying = false;
    std::string out; // once copying, the result of s[0, i)
    auto note_context = [&](case_context context) {
        if (context != case_context::ignorable)
            cased_before = context == case_context::cased;
    };
    while (i < s.size()) {
        unsigned byte = static_cast<unsigned char>(s[i]);
        if (byte < 0x80) { // as in the byte loop
            bool changes = changes_ascii_letter(byte, to_case);
            if (copying)
                out += static_cast<char>(changes ? byte ^ 0x20 : byte);
            else if (changes)
                s[i] = static_cast<char>(byte ^ 0x20);
            changed = changed || changes;
            if (sigma)
                note_context(case_context_of(byte));
            ++i;
            continue;
        }
        auto [cp, length] = case_code_point_at(s, i);
        char bytes[12]; // three code points at most
        std::size_t size = 0;
        if (length == 0) { // not UTF-8: kept
            length = 1;
            bytes[size++] = s[i];
            if (sigma)
                note_context(case_context::other);
        } else {
            if (cp == capital_sigma && lower) {
                size = encode_utf8(cased_before && !cased_follows(s, i + length) ? final_sigma : small_sigma, bytes);
            } else {
                case_mapping m = mapped_case(cp, to_case);
                for (std::size_t k = 0; k < m.size; ++k)
                    size += encode_utf8(m.to[k], bytes + size);
            }
            if (sigma)
                note_context(case_context_of(cp));
        }
        bool same = size == length;
        for (std::size_t k = 0; same && k < size; ++k)
            same = bytes[k] == s[i + k];
        changed = changed || !same;
        if (!copying && size != length) {
            out.reserve(s.size() + s.size() / 2 + size);
            out.append(s, 0, i);
            copying = true;
        }
        if (copying)
            out.append(bytes, size);
        else if (!same)
            std::memcpy(s.data() + i, bytes, size);
        i += length;
    }
    if (copying)
        s.swap(out);
    return changed;
}

} // namespace agent_engine::detail
