#ifndef AGENT_ENGINE_CORE_DETAIL_JSON_TOKENIZER_HPP
#define AGENT_ENGINE_CORE_DETAIL_JSON_TOKENIZER_HPP

// json_tokenizer: the tokens of JSON text in a text_window: whitespace, scalars
// (read whole, so that kind() tells int64 from uint64 from double as Boost.JSON
// does), strings (decoded into a buffer only when they hold escapes), and the
// punctuation of containers. It keeps the first syntax error and the depth.

#include <agent_engine/core/detail/json_scan.hpp>
#include <agent_engine/core/detail/text_window.hpp>
#include <agent_engine/core/error.hpp>

#include <boost/config.hpp>
#include <boost/json/kind.hpp>

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>

namespace agent_engine::detail {

class json_tokenizer : public text_window {
public:
    json_tokenizer(std::string_view text, std::size_t max_depth) noexcept : text_window(text), max_depth_(max_depth) {}
    json_tokenizer(const text_source& source, std::size_t offset, std::size_t max_depth)
        : text_window(source, offset), max_depth_(max_depth)
    {
    }

    bool failed() const noexcept { return failed_; }

    // The current scalar, once peeked.
    boost::json::kind token_kind() const noexcept { return kind_; }
    bool bool_value() const noexcept { return bool_; }
    std::int64_t int64_value() const noexcept { return int64_; }
    std::uint64_t uint64_value() const noexcept { return uint64_; }
    double double_value() const noexcept { return double_; }

    // The first syntax problem: code json, details {reason, line, column, offset}.
    // A source's read failure is that error as it is. Compiled
    // (src/json_tokenizer.cpp): a cold path, kept out of every TU that reads.
    EngineError error() const;

protected:
    enum class state { fresh, peeked, consumed };

    std::size_t max_depth_;
    std::size_t depth_ = 0;
    state state_ = state::fresh;
    boost::json::kind kind_ = boost::json::kind::null;
    bool bool_ = false;
    std::int64_t int64_ = 0;
    std::uint64_t uint64_ = 0;
    double double_ = 0;
    bool failed_ = false;
    std::size_t error_offset_ = 0;
    std::string error_reason_;
    std::string string_scratch_;

    void fail(std::string_view reason)
    {
        if (failed_)
            return;
        failed_ = true;
        error_offset_ = base_ + std::min(pos_, text_.size());
        error_reason_ = reason;
        state_ = state::consumed;
        kind_ = boost::json::kind::null;
    }

    std::string& scratch() noexcept { return string_scratch_; }

    // Source mode: moves the window on (see text_window::move_on), failing
    // if the source cannot be read. Compiled (src/json_tokenizer.cpp): a text
    // in memory never calls it.
    bool read_on(std::size_t keep);

    // Source mode: reads on until at least `n` bytes follow the cursor (or the
    // text ends), keeping the window from `keep`; returns how far positions moved.
    std::size_t ensure(std::size_t n, std::size_t keep)
    {
        std::size_t base = base_;
        while (text_.size() - pos_ < n && read_on(keep - (base_ - base))) {
        }
        return base_ - base;
    }

    // Called before every token, mostly where there is no whitespace or one space
    // (after a colon in pretty text): those tests are inlined, a longer run
    // (pretty text's indentation) is not.
    BOOST_FORCEINLINE void skip_ws()
    {
        if (pos_ < text_.size() && static_cast<unsigned char>(text_[pos_]) > ' ')
            return;
        if (pos_ + 1 < text_.size() && space_then_token(pos_)) {
            ++pos_;
            return;
        }
        skip_ws_run(pos_);
    }
    // One space, then a token's first byte: pretty text after ':'. Needs at + 1 < size.
    bool space_then_token(std::size_t at) const noexcept
    {
        return text_[at] == ' ' && static_cast<unsigned char>(text_[at + 1]) > ' ';
    }
    // `from` is pos_, passed in the register the caller already holds it in.
    BOOST_NOINLINE void skip_ws_run(std::size_t from)
    {
        pos_ = static_cast<std::size_t>(scan_ws(text_.data() + from) - text_.data());
        if (pos_ == text_.size() && source_)
            skip_ws_across_windows();
    }
    // Out of line: read_member_key, inlined in every member loop, calls it too.
    BOOST_NOINLINE const char* scan_ws(const char* p) const noexcept
    {
        const char* end = text_.data() + text_.size();
        if (const char* next = skip_indented_line(p, end); next != p)
            return next;
        while (p != end) {
            char c = *p;
            if (c == ' ')
                p = skip_spaces(p, end);
            else if (c == '\n' || c == '\r' || c == '\t')
                ++p;
            else
                break;
        }
        return p;
    }
    // Source mode: whitespace that reaches the window's end, read on.
    void skip_ws_across_windows();

    bool expect(char c, std::string_view reason)
    {
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        fail(pos_ < text_.size() ? reason : std::string_view("incomplete JSON"));
        return false;
    }

    bool literal(std::string_view word)
    {
        if (text_.size() - pos_ < word.size() && can_read_on())
            ensure(word.size(), pos_);
        if (text_.size() - pos_ >= word.size() && std::equal(word.begin(), word.end(), text_.data() + pos_)) {
            pos_ += word.size();
            return true;
        }
        fail(pos_ + word.size() > text_.size() && word.substr(0, text_.size() - pos_) == text_.substr(pos_)
                 ? "incomplete JSON"
                 : "syntax error");
        return false;
    }

    // Classifies the value at the cursor; scalars other than strings are read
    // whole, so kind() can tell int64 from uint64 from double as Boost.JSON does.
    BOOST_FORCEINLINE state peek()
    {
        if (state_ != state::fresh || failed_)
            return state_;
        return peek_fresh();
    }
    state peek_fresh()
    {
        skip_ws();
        begin_ = pos_;
        state_ = state::peeked;
        if (pos_ == text_.size()) {
            fail("incomplete JSON");
            return state_;
        }
        switch (text_[pos_]) {
        case '{':
        case '[':
        case '"': opening_kind(text_[pos_], kind_); break; // the kinds read no further here
        case 't':
            kind_ = boost::json::kind::bool_;
            bool_ = true;
            literal("true");
            break;
        case 'f':
            kind_ = boost::json::kind::bool_;
            bool_ = false;
            literal("false");
            break;
        case 'n':
            kind_ = boost::json::kind::null;
            literal("null");
            break;
        case 'N': non_finite("NaN", std::numeric_limits<double>::quiet_NaN()); break;
        case 'I': non_finite("Infinity", std::numeric_limits<double>::infinity()); break;
        default:
            if (source_)
                ensure_whole_number();
            read_number();
            break;
        }
        return state_;
    }

    // The kind of a value whose first byte is `c`, when peek reads it no
    // further: an object, an array, a string. False for any other byte.
    static bool opening_kind(char c, boost::json::kind& kind) noexcept
    {
        switch (c) {
        case '{': kind = boost::json::kind::object; return true;
        case '[': kind = boost::json::kind::array; return true;
        case '"': kind = boost::json::kind::string; return true;
        default: return false;
        }
    }

    // Source mode: reads on until the number at the cursor ends inside the window.
    void ensure_whole_number()
    {
        auto in_number = [](char c) {
            return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
        };
        std::size_t scanned = pos_;
        do {
            auto end = std::find_if_not(text_.begin() + scanned, text_.end(), in_number);
            scanned = static_cast<std::size_t>(end - text_.begin());
            if (scanned != text_.size())
                return;
            scanned -= pos_;
        } while (read_on(pos_));
    }

    void consume_scalar()
    {
        peek();
        state_ = state::consumed;
    }

    void read_number()
    {
        const char* first = text_.data() + pos_;
        const char* end = text_.data() + text_.size();
        const char* p = first;
        auto digits = [&] {
            const char* start = p;
            while (p != end && *p >= '0' && *p <= '9')
                ++p;
            return p != start;
        };
        bool negative = p != end && *p == '-';
        if (negative)
            ++p;
        const char* int_start = p;
        // The integer part is summed as it is scanned: most numbers are integers
        // of a few digits, read in this one pass (the sum is the value if it has
        // at most 18 digits, a short decimal's sum goes on over its fraction
        // below; past that it is not used).
        std::uint64_t sum = 0;
        for (; p != end && *p >= '0' && *p <= '9'; ++p)
            sum = sum * 10 + static_cast<unsigned>(*p - '0');
        if (p == int_start) {
            if (negative && p != end && *p == 'I') // off the path of every number with digits
                return non_finite("-Infinity", -std::numeric_limits<double>::infinity());
            return fail(p == end ? "incomplete JSON" : "syntax error");
        }
        if (*int_start == '0' && p - int_start > 1)
            return fail("syntax error"); // no leading zeros
        bool integral = true;
        const char* int_end = p;
        const char* fraction = p;
        if (p != end && *p == '.') {
            fraction = ++p;
            integral = false;
            if (!digits())
                return fail(p == end ? "incomplete JSON" : "syntax error");
        }
        const char* fraction_end = p;
        std::int64_t exponent = 0;
        if (p != end && (*p == 'e' || *p == 'E')) {
            ++p;
            integral = false;
            bool negative_exponent = p != end && *p == '-';
            if (p != end && (*p == '+' || *p == '-'))
                ++p;
            const char* exponent_start = p;
            for (; p != end && *p >= '0' && *p <= '9'; ++p)
                exponent = std::min(exponent * 10 + (*p - '0'), max_exponent);
            if (p == exponent_start)
                return fail(p == end ? "incomplete JSON" : "syntax error");
            if (negative_exponent)
                exponent = -exponent;
        }
        pos_ = static_cast<std::size_t>(p - text_.data());
        if (integral && p - int_start <= 18) { // fits an int64 whatever the digits
            kind_ = boost::json::kind::int64;
            int64_ = negative ? -static_cast<std::int64_t>(sum) : static_cast<std::int64_t>(sum);
            return;
        }
        // A short decimal (0.7, 12.5e-3): its digits, at most 15, are summed on
        // (the sum is an exact double) and the point moves the exponent.
        if (!integral && (int_end - int_start) + (fraction_end - fraction) <= 15) {
            for (const char* d = fraction; d != fraction_end; ++d)
                sum = sum * 10 + static_cast<unsigned>(*d - '0');
            if (exact_decimal(sum, exponent - (fraction_end - fraction), double_)) {
                kind_ = boost::json::kind::double_;
                if (negative)
                    double_ = -double_;
                return;
            }
        }
        if (integral) {
            if (negative) {
                if (std::from_chars(first, p, int64_).ec == std::errc()) {
                    kind_ = boost::json::kind::int64;
                    return;
                }
            } else if (std::from_chars(first, p, uint64_).ec == std::errc()) {
                if (uint64_ <= static_cast<std::uint64_t>(INT64_MAX)) {
                    kind_ = boost::json::kind::int64;
                    int64_ = static_cast<std::int64_t>(uint64_);
                } else {
                    kind_ = boost::json::kind::uint64;
                }
                return;
            }
        }
        kind_ = boost::json::kind::double_;
        auto res = std::from_chars(first, p, double_);
        if (res.ec == std::errc::result_out_of_range) {
            // As Python's json.loads: too small to represent reads as zero, a
            // float too large as infinity. An integer too large is an error: Python
            // keeps it exact, and a double cannot (issue 18, item 6).
            if (leading_power(int_start, int_end, fraction, fraction_end, exponent) < 0) {
                double_ = negative ? -0.0 : 0.0;
                return;
            }
            if (!integral) {
                double_ = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
                return;
            }
            pos_ = static_cast<std::size_t>(first - text_.data());
            fail("number out of range");
        }
    }

    // digits × 10^exponent as the double nearest to it, when one IEEE operation
    // gives that (Clinger's fast path): digits (below 2^53) and a power of ten
    // up to 10^22 are exact doubles, and the product or quotient of two is
    // correctly rounded (to nearest, the default), so the result is
    // std::from_chars's. False when the power is larger (from_chars reads it).
    static bool exact_decimal(std::uint64_t digits, std::int64_t exponent, double& out) noexcept
    {
        static constexpr double powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
        constexpr int largest = 22;
#if FLT_EVAL_METHOD != 0 || defined(__FAST_MATH__)
        return false; // x87's wider intermediates, or -ffast-math's reciprocals, would round twice
#endif
        if (exponent < -largest || exponent > largest)
            return false;
        double d = static_cast<double>(digits);
        out = exponent < 0 ? d / powers[-exponent] : d * powers[exponent];
        return true;
    }

    // NaN, Infinity and -Infinity: not JSON, but what Python's json.dumps writes
    // for a non-finite float (the original's checkpoints hold them) and what
    // json.loads and pydantic's JSON parser read back.
    void non_finite(std::string_view word, double value)
    {
        pos_ = begin_;
        kind_ = boost::json::kind::double_;
        double_ = value;
        literal(word);
    }

    // An exponent saturates here: far past any double's range and any number's
    // digit count, so that the sign of leading_power stays right.
    static constexpr std::int64_t max_exponent = std::int64_t{1} << 40;

    // The power of ten of a number's first significant digit, from its integer
    // digits, its fraction's and its exponent: "1e400" 400, "0.00012" -4,
    // "1000e-403" -400. A number has one here: zero is never out of range.
    static std::int64_t leading_power(const char* integer, const char* integer_end, const char* fraction,
                                      const char* fraction_end, std::int64_t exponent) noexcept
    {
        auto significant = [](char c) { return c != '0'; };
        if (const char* d = std::find_if(integer, integer_end, significant); d != integer_end)
            return exponent + (integer_end - d) - 1;
        return exponent - (std::find_if(fraction, fraction_end, significant) - fraction) - 1;
    }

    // Reads the string whose opening quote is at `quote`; the result views the
    // text itself, or `buffer` when escapes had to be decoded. Most strings are
    // plain ASCII: one scan and no call.
    BOOST_FORCEINLINE std::string_view read_string(std::size_t quote, std::string& buffer)
    {
        const char* content = text_.data() + quote + 1;
        const char* run_end = plain_run_end(content);
        pos_ = static_cast<std::size_t>(run_end - text_.data());
        if (is_closing_quote(run_end)) {
            ++pos_;
            return std::string_view(content, static_cast<std::size_t>(run_end - content));
        }
        return read_string_rest(quote + 1, buffer);
    }
    // Where the plain run of a string's content from `content` ends (see
    // find_string_special): at its closing quote when the string is plain and
    // whole in the window, the one case its text can be viewed as it is.
    BOOST_FORCEINLINE const char* plain_run_end(const char* content) const noexcept
    {
        const auto* end = reinterpret_cast<const unsigned char*>(text_.data() + text_.size());
        return reinterpret_cast<const char*>(
            find_string_special<false>(reinterpret_cast<const unsigned char*>(content), end));
    }
    bool is_closing_quote(const char* at) const noexcept { return at != text_.data() + text_.size() && *at == '"'; }

    // The rest of a string from `pos_`, its first special byte (`start` is the
    // first byte of its content): an escape, a byte beyond ASCII, a control
    // character, the window's end. Compiled (src/json_tokenizer.cpp), with the
    // escapes' reading.
    std::string_view read_string_rest(std::size_t start, std::string& buffer);
    bool read_escape(std::string& buffer);
    bool read_hex4(unsigned& out);

    // Container iteration: enter at '{' / '[', then items separated by ','.
    bool enter(boost::json::kind k)
    {
        if (peek() != state::peeked || kind_ != k)
            return false;
        if (++depth_ > max_depth_) {
            fail("JSON nested too deeply");
            return false;
        }
        pos_ = begin_ + 1;
        skip_ws();
        return true;
    }
    bool close_if(char close)
    {
        if (pos_ < text_.size() && text_[pos_] == close) {
            ++pos_;
            return true;
        }
        return false;
    }
    // A member's key, from the cursor (whitespace before it included). A plain
    // key whole in the window and followed by ':' or ": " is read with them on
    // a local cursor, pos_ stored once (colon_read); any other is read up to its
    // closing quote by the general path, from the same place.
    struct member_key {
        std::string_view text;
        bool colon_read;
    };
    BOOST_FORCEINLINE member_key read_member_key()
    {
        const char* base = text_.data();
        const char* end = base + text_.size();
        const char* p = base + pos_;
        if (p != end && static_cast<unsigned char>(*p) <= ' ')
            p = scan_ws(p);
        if (p != end && *p == '"') {
            const char* q = plain_run_end(p + 1);
            if (is_closing_quote(q)) {
                if (std::size_t next = past_colon(static_cast<std::size_t>(q + 1 - base))) {
                    pos_ = next;
                    return {std::string_view(p + 1, static_cast<std::size_t>(q - p - 1)), true};
                }
            }
        }
        skip_ws();
        if (!expect('"', "expected a key string"))
            return {{}, false};
        return {read_string(pos_ - 1, scratch()), false};
    }
    // Where the value after a ':' at `at` starts, when the ':' is compact text's
    // or pretty text's ": ": one test. 0 otherwise, or when fewer than two bytes
    // follow it (the whitespace might go on past the window).
    BOOST_FORCEINLINE std::size_t past_colon(std::size_t at) const noexcept
    {
        if (text_.size() - at < 3 || text_[at] != ':')
            return 0;
        return at + (space_then_token(at + 1) ? 2 : 1);
    }
    // After a key: its ':' and the whitespace around it.
    bool after_key()
    {
        if (std::size_t next = past_colon(pos_)) {
            pos_ = next;
            return true;
        }
        skip_ws();
        return !failed_ && expect(':', "expected ':' after a key");
    }
    // After a member's key (read_member_key): on to its value, peeked already
    // when the ':' was read with the key and the byte after it (or after ": ")
    // tells the value's kind (see opening_kind; that byte is then in the
    // window), else fresh. False on a syntax error.
    bool to_member_value(bool colon_read)
    {
        if (colon_read && opening_kind(text_[pos_], kind_)) {
            begin_ = pos_;
            state_ = state::peeked;
            return true;
        }
        state_ = state::fresh;
        return colon_read || after_key();
    }
    // After an item: true when another one follows.
    bool after_item(char close)
    {
        skip_ws();
        if (close_if(close))
            return false;
        return expect(',', close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
    }
};

} // namespace agent_engine::detail

#endif
