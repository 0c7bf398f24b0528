#ifndef AGENT_ENGINE_CORE_TEXT_WRITER_HPP
#define AGENT_ENGINE_CORE_TEXT_WRITER_HPP

// text_writer: a writer (see json_rule.hpp) that appends JSON text to a string,
// spelled exactly as Python's json.dumps spells it: ensure_ascii escapes,
// repr() numbers, and with an indent, `json.dumps(x, indent=2)` byte for byte.

#include <agent_engine/core/detail/python_number.hpp>

#include <boost/json/value.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace agent_engine {

struct json_format {
    // Spaces per level; 0 writes compact text with no spaces at all.
    unsigned indent = 2;

    static constexpr json_format pretty() noexcept { return {2}; }
    static constexpr json_format compact() noexcept { return {0}; }
};

class text_writer {
    std::string& out_;
    unsigned indent_;
    struct level {
        bool object;
        bool empty;
    };
    std::vector<level> levels_;

    void newline()
    {
        out_ += '\n';
        out_.append(levels_.size() * indent_, ' ');
    }
    // Separator and line break before a value in an array (after a key in an object, none).
    void before_value()
    {
        if (levels_.empty() || levels_.back().object)
            return;
        before_item();
    }
    void before_item()
    {
        level& l = levels_.back();
        if (!l.empty)
            out_ += ',';
        l.empty = false;
        if (indent_)
            newline();
    }
    void open(char c, bool object)
    {
        before_value();
        out_ += c;
        levels_.push_back({object, true});
    }
    void close(char c)
    {
        bool empty = levels_.back().empty;
        levels_.pop_back();
        if (!empty && indent_)
            newline();
        out_ += c;
    }
    void append_escaped(std::string_view s);

public:
    explicit text_writer(std::string& out, json_format format = {}) : out_(out), indent_(format.indent) {}

    void null()
    {
        before_value();
        out_ += "null";
    }
    void boolean(bool b)
    {
        before_value();
        out_ += b ? "true" : "false";
    }
    void int64(std::int64_t v)
    {
        before_value();
        detail::append_integer(out_, v);
    }
    void uint64(std::uint64_t v)
    {
        before_value();
        detail::append_integer(out_, v);
    }
    // Non-finite numbers have no JSON spelling; pydantic writes them as null.
    void number(double v)
    {
        before_value();
        if (std::isfinite(v))
            detail::append_double(out_, v);
        else
            out_ += "null";
    }
    void string(std::string_view s)
    {
        before_value();
        append_escaped(s);
    }
    void begin_object(std::size_t = 0) { open('{', true); }
    void end_object() { close('}'); }
    void begin_array(std::size_t = 0) { open('[', false); }
    void end_array() { close(']'); }
    void key(std::string_view k)
    {
        before_item();
        append_escaped(k);
        out_ += indent_ ? ": " : ":";
    }
    void value(const boost::json::value& v);
};

inline void text_writer::append_escaped(std::string_view s)
{
    constexpr char hex[] = "0123456789abcdef";
    auto u_escape = [&](unsigned cp) {
        char buf[6] = {'\\', 'u', hex[(cp >> 12) & 15], hex[(cp >> 8) & 15], hex[(cp >> 4) & 15], hex[cp & 15]};
        out_.append(buf, 6);
    };
    out_ += '"';
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    const auto* run = p;
    while (p != end) {
        unsigned char c = *p;
        // json.dumps's ensure_ascii passes only ' '..'~' through: DEL (0x7f) is escaped too.
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
            ++p;
            continue;
        }
        out_.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
        if (c < 0x80) {
            switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\n': out_ += "\\n"; break;
            case '\r': out_ += "\\r"; break;
            case '\t': out_ += "\\t"; break;
            case '\b': out_ += "\\b"; break;
            case '\f': out_ += "\\f"; break;
            default: u_escape(c);
            }
            run = ++p;
            continue;
        }
        // A UTF-8 sequence: \uXXXX, with a surrogate pair above U+FFFF. A byte
        // that starts no valid sequence becomes U+FFFD.
        unsigned cp = 0xFFFD;
        int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
        if (len > 1 && end - p >= len) {
            unsigned v = c & (0x7F >> len);
            bool valid = true;
            for (int i = 1; i < len; ++i) {
                valid = valid && (p[i] & 0xC0) == 0x80;
                v = (v << 6) | (p[i] & 0x3Fu);
            }
            constexpr unsigned min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
            if (valid && v >= min_for_len[len] && v <= 0x10FFFF && (v < 0xD800 || v > 0xDFFF))
                cp = v;
            else
                len = 1;
        } else {
            len = 1;
        }
        if (cp >= 0x10000) {
            cp -= 0x10000;
            u_escape(0xD800 + (cp >> 10));
            u_escape(0xDC00 + (cp & 0x3FF));
        } else {
            u_escape(cp);
        }
        run = p += len;
    }
    out_.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
    out_ += '"';
}

inline void text_writer::value(const boost::json::value& v)
{
    switch (v.kind()) {
    case boost::json::kind::null: null(); break;
    case boost::json::kind::bool_: boolean(v.get_bool()); break;
    case boost::json::kind::int64: int64(v.get_int64()); break;
    case boost::json::kind::uint64: uint64(v.get_uint64()); break;
    case boost::json::kind::double_: number(v.get_double()); break;
    case boost::json::kind::string: string(v.get_string()); break;
    case boost::json::kind::array:
        begin_array();
        for (auto const& e : v.get_array())
            value(e);
        end_array();
        break;
    case boost::json::kind::object:
        begin_object();
        for (auto const& m : v.get_object()) {
            key(m.key());
            value(m.value());
        }
        end_object();
        break;
    }
}

} // namespace agent_engine

#endif
