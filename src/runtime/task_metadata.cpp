#include <agent_engine/core/conversion.hpp>
#include <agent_engine/runtime/task_metadata.hpp>

#include <boost/json/basic_parser_impl.hpp>

#include <array>
#include <cmath>
#include <utility>

namespace agent_engine {
namespace {

using boost::system::error_code;
using sv = boost::json::string_view;

// Captures the scalar values of a few top-level keys and skips everything else.
// A wanted key holding an object or array gets an empty one of that kind: enough
// for validation to say what is wrong, without building it.
class metadata_handler {
public:
    static constexpr std::array<std::string_view, 5> wanted = {"task_id", "status", "pipeline_id", "created_at",
                                                                "updated_at"};
    static constexpr std::size_t none = wanted.size();

    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    // The document itself when it is not an object, else the captured members.
    boost::json::value top;
    std::array<std::optional<boost::json::value>, wanted.size()> captured;

private:
    std::size_t depth_ = 0;
    std::size_t current_ = none;
    std::string key_;
    std::string string_;

    // A value starts at the current depth.
    void take(boost::json::value v)
    {
        if (depth_ == 0)
            top = std::move(v);
        else if (depth_ == 1 && current_ != none)
            captured[current_] = std::move(v);
    }

public:
    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_object_begin(error_code&)
    {
        take(boost::json::object());
        ++depth_;
        return true;
    }
    bool on_object_end(std::size_t, error_code&)
    {
        --depth_;
        return true;
    }
    bool on_array_begin(error_code&)
    {
        take(boost::json::array());
        ++depth_;
        return true;
    }
    bool on_array_end(std::size_t, error_code&)
    {
        --depth_;
        return true;
    }
    bool on_key_part(sv s, std::size_t, error_code&)
    {
        if (depth_ == 1)
            key_.append(s.data(), s.size());
        return true;
    }
    bool on_key(sv s, std::size_t, error_code&)
    {
        if (depth_ == 1) {
            key_.append(s.data(), s.size());
            current_ = none;
            for (std::size_t i = 0; i < wanted.size(); ++i)
                if (wanted[i] == key_)
                    current_ = i;
            key_.clear();
        }
        return true;
    }
    bool on_string_part(sv s, std::size_t, error_code&)
    {
        if (depth_ <= 1)
            string_.append(s.data(), s.size());
        return true;
    }
    bool on_string(sv s, std::size_t, error_code&)
    {
        if (depth_ <= 1) {
            string_.append(s.data(), s.size());
            take(boost::json::string(string_));
            string_.clear();
        }
        return true;
    }
    bool on_number_part(sv, error_code&) { return true; }
    bool on_int64(std::int64_t i, sv, error_code&)
    {
        take(i);
        return true;
    }
    bool on_uint64(std::uint64_t u, sv, error_code&)
    {
        take(u);
        return true;
    }
    bool on_double(double d, sv text, error_code& ec)
    {
        // Boost.JSON reads 1e400 as infinity and 0e341 as NaN; both read paths
        // must agree, so such a number is read again as the tokenizer reads it
        // (parse_json, std::from_chars): a value, or out of range.
        if (!std::isfinite(d)) {
            auto parsed = parse_json(std::string_view(text.data(), text.size()));
            if (!parsed) {
                ec = boost::json::error::exponent_overflow;
                return false;
            }
            take(std::move(parsed).value());
            return true;
        }
        take(d);
        return true;
    }
    bool on_bool(bool b, error_code&)
    {
        take(b);
        return true;
    }
    bool on_null(error_code&)
    {
        take(nullptr);
        return true;
    }
    bool on_comment_part(sv, error_code&) { return true; }
    bool on_comment(sv, error_code&) { return true; }
};

} // namespace

namespace {

// The metadata of a whole document already read as a DOM.
Result<TaskMetadata> metadata_from_document(const boost::json::value& document)
{
    if (!document.is_object())
        return from_dict<TaskMetadata>(document);
    boost::json::object members;
    for (auto key : metadata_handler::wanted)
        if (auto const* v = document.get_object().if_contains(key))
            members.emplace(key, *v);
    return from_dict<TaskMetadata>(members);
}

} // namespace

Result<TaskMetadata> read_task_metadata(std::string_view json_text)
{
    boost::json::parse_options options;
    options.max_depth = max_json_depth;
    boost::json::basic_parser<metadata_handler> parser(options);
    error_code ec;
    std::size_t used = parser.write_some(false, json_text.data(), json_text.size(), ec);
    if (ec || used != json_text.size()) {
        // Only on failure: parse_json stops at the same byte and reports it with
        // line and column, the one place that formats json errors.
        auto positioned = parse_json(json_text);
        if (!positioned)
            return std::move(positioned).error();
        // basic_parser refused what the tokenizer accepts (an exponent too long
        // for it, as in 0e-3022...): the tokenizer decides, as it does for loads.
        return metadata_from_document(positioned.value());
    }
    metadata_handler& h = parser.handler();
    if (!h.top.is_object())
        return from_dict<TaskMetadata>(h.top);
    boost::json::object members;
    for (std::size_t i = 0; i < metadata_handler::wanted.size(); ++i)
        if (h.captured[i])
            members.emplace(metadata_handler::wanted[i], std::move(*h.captured[i]));
    return from_dict<TaskMetadata>(members);
}

} // namespace agent_engine
