// Validation errors at the boundary: each error_type's pydantic name and
// message (made from its ctx, so that every rule that reports a type words it
// the same), the records turned into pydantic's JSON array, and its text.
// Cold code, compiled once here rather than in every schema's translation unit.
#include <agent_engine/core/detail/python_repr.hpp>
#include <agent_engine/core/error_type.hpp>
#include <agent_engine/core/validation_context.hpp>

#include <boost/assert.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <new>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agent_engine {

std::string_view error_type_name(error_type type) noexcept
{
    // A switch, not a table: an enumerator added without its name is a -Wswitch warning.
    switch (type) {
    case error_type::missing: return "missing";
    case error_type::extra_forbidden: return "extra_forbidden";
    case error_type::model_type: return "model_type";
    case error_type::dict_type: return "dict_type";
    case error_type::list_type: return "list_type";
    case error_type::string_type: return "string_type";
    case error_type::bool_type: return "bool_type";
    case error_type::bool_parsing: return "bool_parsing";
    case error_type::int_type: return "int_type";
    case error_type::int_from_float: return "int_from_float";
    case error_type::int_parsing_size: return "int_parsing_size";
    case error_type::int_parsing: return "int_parsing";
    case error_type::float_type: return "float_type";
    case error_type::float_parsing: return "float_parsing";
    case error_type::finite_number: return "finite_number";
    case error_type::greater_than: return "greater_than";
    case error_type::greater_than_equal: return "greater_than_equal";
    case error_type::less_than: return "less_than";
    case error_type::less_than_equal: return "less_than_equal";
    case error_type::string_too_short: return "string_too_short";
    case error_type::string_too_long: return "string_too_long";
    case error_type::too_short: return "too_short";
    case error_type::too_long: return "too_long";
    case error_type::string_pattern_mismatch: return "string_pattern_mismatch";
    case error_type::literal_error: return "literal_error";
    case error_type::enum_: return "enum";
    case error_type::value_error: return "value_error";
    case error_type::datetime_from_date_parsing: return "datetime_from_date_parsing";
    case error_type::timezone_aware: return "timezone_aware";
    case error_type::set_type: return "set_type";
    case error_type::frozen_set_type: return "frozen_set_type";
    case error_type::bytes_type: return "bytes_type";
    case error_type::bytes_invalid_encoding: return "bytes_invalid_encoding";
    case error_type::bytes_too_short: return "bytes_too_short";
    case error_type::bytes_too_long: return "bytes_too_long";
    case error_type::tuple_type: return "tuple_type";
    case error_type::datetime_type: return "datetime_type";
    case error_type::datetime_parsing: return "datetime_parsing";
    case error_type::date_type: return "date_type";
    case error_type::date_parsing: return "date_parsing";
    case error_type::date_from_datetime_parsing: return "date_from_datetime_parsing";
    case error_type::date_from_datetime_inexact: return "date_from_datetime_inexact";
    case error_type::uuid_type: return "uuid_type";
    case error_type::uuid_parsing: return "uuid_parsing";
    case error_type::uuid_version: return "uuid_version";
    case error_type::path_type: return "path_type";
    case error_type::is_instance_of: return "is_instance_of";
    case error_type::time_type: return "time_type";
    case error_type::time_parsing: return "time_parsing";
    case error_type::time_delta_type: return "time_delta_type";
    case error_type::time_delta_parsing: return "time_delta_parsing";
    case error_type::model_attributes_type: return "model_attributes_type";
    case error_type::union_tag_not_found: return "union_tag_not_found";
    case error_type::union_tag_invalid: return "union_tag_invalid";
    case error_type::custom: break;
    }
    return {};
}

namespace {

std::string_view text_of(const boost::json::object& ctx, std::string_view key)
{
    return ctx.at(key).get_string();
}

// A finite double's shortest round-trip digits, placed without an exponent:
// "1" for 1.0, "0.0000001" for 1e-07, "100000000000000000000000" for 1e23 (which
// chars_format::fixed would write with all the digits its binary value has).
void append_positional(std::string& out, double d)
{
    char text[32];
    char* end = std::to_chars(std::begin(text), std::end(text), d, std::chars_format::scientific).ptr;
    const char* e = std::find(text, end, 'e');
    int exponent = std::atoi(e + 1);
    const char* p = text;
    if (*p == '-')
        out += *p++;
    std::string digits;
    for (; p != e; ++p)
        if (*p != '.')
            digits += *p;
    if (exponent < 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-exponent - 1), '0');
        out += digits;
        return;
    }
    auto whole = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() <= whole) {
        out += digits;
        out.append(whole - digits.size(), '0');
    } else {
        out.append(digits, 0, whole);
        out += '.';
        out.append(digits, whole);
    }
}

// greater_than and friends: "Input should be greater than or equal to 0". A
// float limit is written as pydantic-core (Rust) writes one: its shortest digits
// with no exponent, "1" for 1.0 and "0.0000001" for 1e-07.
std::string bound_message(std::string_view relation, const boost::json::value& limit)
{
    std::string msg = "Input should be ";
    msg += relation;
    msg += ' ';
    if (limit.is_double() && std::isfinite(limit.get_double()))
        append_positional(msg, limit.get_double());
    else
        detail::append_python_repr(msg, limit);
    return msg;
}

// string_too_short, bytes_too_short and friends: "String should have at least 1
// character", "Data should have at most 3 bytes", "List should have at most 3 items
// after validation, not 4" ("not more" for a set, which pydantic stops reading
// once it is too long: its actual_length is null).
enum class measured { characters, bytes, items };
std::string length_message(const boost::json::object& ctx, bool at_least, measured what)
{
    std::uint64_t limit = ctx.at(at_least ? "min_length" : "max_length").to_number<std::uint64_t>();
    std::string msg = what == measured::characters ? "String"
                      : what == measured::bytes    ? "Data"
                                                   : std::string(text_of(ctx, "field_type"));
    msg += at_least ? " should have at least " : " should have at most ";
    detail::append_integer(msg, limit);
    switch (what) {
    case measured::characters: msg += limit == 1 ? " character" : " characters"; break;
    case measured::bytes: msg += limit == 1 ? " byte" : " bytes"; break;
    case measured::items:
        msg += limit == 1 ? " item after validation, not " : " items after validation, not ";
        if (auto const& actual = ctx.at("actual_length"); actual.is_null())
            msg += "more";
        else
            detail::append_integer(msg, actual.to_number<std::uint64_t>());
        break;
    }
    return msg;
}

std::string message_of(const validation_error& e, input_mode mode)
{
    const boost::json::object& ctx = e.ctx;
    if (mode == input_mode::json) { // model_validate_json names the JSON types
        switch (e.type) {
        case error_type::model_type:
        case error_type::dict_type: return "Input should be an object";
        case error_type::list_type:
        case error_type::set_type:
        case error_type::frozen_set_type:
        case error_type::tuple_type: return "Input should be a valid array";
        case error_type::time_delta_type: return "Input should be a valid duration";
        case error_type::time_delta_parsing: return "Input should be a valid duration, " + std::string(text_of(ctx, "error"));
        default: break;
        }
    }
    switch (e.type) {
    case error_type::missing: return "Field required";
    case error_type::extra_forbidden: return "Extra inputs are not permitted";
    case error_type::model_type:
        return "Input should be a valid dictionary or instance of " + std::string(text_of(ctx, "class_name"));
    case error_type::dict_type: return "Input should be a valid dictionary";
    case error_type::list_type: return "Input should be a valid list";
    case error_type::string_type: return "Input should be a valid string";
    case error_type::bool_type: return "Input should be a valid boolean";
    case error_type::bool_parsing: return "Input should be a valid boolean, unable to interpret input";
    case error_type::int_type: return "Input should be a valid integer";
    case error_type::int_from_float: return "Input should be a valid integer, got a number with a fractional part";
    case error_type::int_parsing_size: return "Unable to parse input string as an integer, exceeded maximum size";
    case error_type::int_parsing: return "Input should be a valid integer, unable to parse string as an integer";
    case error_type::float_type: return "Input should be a valid number";
    case error_type::float_parsing: return "Input should be a valid number, unable to parse string as a number";
    case error_type::finite_number: return "Input should be a finite number";
    case error_type::greater_than: return bound_message("greater than", ctx.at("gt"));
    case error_type::greater_than_equal: return bound_message("greater than or equal to", ctx.at("ge"));
    case error_type::less_than: return bound_message("less than", ctx.at("lt"));
    case error_type::less_than_equal: return bound_message("less than or equal to", ctx.at("le"));
    case error_type::string_too_short: return length_message(ctx, true, measured::characters);
    case error_type::string_too_long: return length_message(ctx, false, measured::characters);
    case error_type::too_short: return length_message(ctx, true, measured::items);
    case error_type::too_long: return length_message(ctx, false, measured::items);
    case error_type::string_pattern_mismatch: {
        std::string msg = "String should match pattern '" + std::string(text_of(ctx, "pattern")) + "'";
        // An invalid pattern, or a match too costly to finish (pydantic has no
        // such case; its regex engine cannot fail).
        if (auto const* why = ctx.if_contains("error"))
            msg += ", which could not be evaluated: " + std::string(why->get_string());
        return msg;
    }
    case error_type::literal_error:
    case error_type::enum_: return "Input should be " + std::string(text_of(ctx, "expected"));
    case error_type::value_error: return "Value error, " + std::string(text_of(ctx, "error"));
    case error_type::datetime_from_date_parsing:
        return "Input should be a valid datetime or date, " + std::string(text_of(ctx, "error"));
    case error_type::timezone_aware: return "Input should have timezone info";
    case error_type::set_type: return "Input should be a valid set";
    case error_type::frozen_set_type: return "Input should be a valid frozenset";
    case error_type::bytes_type: return "Input should be a valid bytes";
    case error_type::bytes_invalid_encoding:
        return "Data should be valid " + std::string(text_of(ctx, "encoding")) + ": " +
               std::string(text_of(ctx, "encoding_error"));
    case error_type::bytes_too_short: return length_message(ctx, true, measured::bytes);
    case error_type::bytes_too_long: return length_message(ctx, false, measured::bytes);
    case error_type::tuple_type: return "Input should be a valid tuple";
    case error_type::datetime_type: return "Input should be a valid datetime";
    case error_type::datetime_parsing: return "Input should be a valid datetime, " + std::string(text_of(ctx, "error"));
    case error_type::date_type: return "Input should be a valid date";
    case error_type::date_parsing:
        return "Input should be a valid date in the format YYYY-MM-DD, " + std::string(text_of(ctx, "error"));
    case error_type::date_from_datetime_parsing:
        return "Input should be a valid date or datetime, " + std::string(text_of(ctx, "error"));
    case error_type::date_from_datetime_inexact:
        return "Datetimes provided to dates should have zero time - e.g. be exact dates";
    case error_type::uuid_type: return "UUID input should be a string, bytes or UUID object";
    case error_type::uuid_parsing: return "Input should be a valid UUID, " + std::string(text_of(ctx, "error"));
    case error_type::uuid_version: {
        std::string msg = "UUID version ";
        detail::append_integer(msg, ctx.at("expected_version").to_number<std::uint64_t>());
        return msg + " expected";
    }
    case error_type::path_type: return "Input is not a valid path for <class 'pathlib.Path'>";
    case error_type::is_instance_of: return "Input should be an instance of " + std::string(text_of(ctx, "class"));
    case error_type::time_type: return "Input should be a valid time";
    case error_type::time_parsing: return "Input should be in a valid time format, " + std::string(text_of(ctx, "error"));
    // python mode's words; JSON mode's "duration" is above
    case error_type::time_delta_type: return "Input should be a valid timedelta";
    case error_type::time_delta_parsing: return "Input should be a valid timedelta, " + std::string(text_of(ctx, "error"));
    case error_type::model_attributes_type: return "Input should be a valid dictionary or object to extract fields from";
    case error_type::union_tag_not_found:
        return "Unable to extract tag using discriminator " + std::string(text_of(ctx, "discriminator"));
    case error_type::union_tag_invalid:
        return "Input tag '" + std::string(text_of(ctx, "tag")) + "' found using " +
               std::string(text_of(ctx, "discriminator")) + " does not match any of the expected tags: " +
               std::string(text_of(ctx, "expected_tags"));
    case error_type::custom: break;
    }
    return e.custom_msg;
}

// Adds `part` (a key or an index) to the location of each error in [first, last).
template <class Part> void append_to_locations(auto first, auto last, const Part& part, bool& lost) noexcept
{
    try {
        for (; first != last; ++first)
            first->loc.emplace_back(part);
    } catch (const std::bad_alloc&) {
        lost = true; // thrown again by to_error: a scope ends in a destructor
    }
}

} // namespace

bool validation_context::repeats::record(std::string_view key, std::size_t error_count)
{
    if (!last_start_)
        last_start_ = std::make_unique<std::map<std::string, std::size_t, std::less<>>>();
    return !last_start_->insert_or_assign(std::string(key), error_count).second;
}

void validation_context::drop_superseded(std::size_t first, const repeats& repeated)
{
    BOOST_ASSERT(kept_all());
    std::size_t kept = first;
    for (std::size_t i = first; i < errors_.size(); ++i) {
        if (auto key = key_of(errors_[i])) {
            auto it = repeated.last_start_->find(*key);
            if (it != repeated.last_start_->end() && i < it->second)
                continue;
        }
        if (kept != i)
            errors_[kept] = std::move(errors_[i]);
        ++kept;
    }
    errors_.resize(kept);
    count_ = kept;
}

void validation_context::keep(error_type type, boost::json::value&& input, boost::json::object&& ctx)
{
    errors_.push_back({type, {}, std::move(input), std::move(ctx)});
}

void validation_context::locate(std::size_t first, std::string_view key) noexcept
{
    append_to_locations(kept_from(first), errors_.end(), key, location_lost_);
}

void validation_context::locate(std::size_t first, std::size_t index) noexcept
{
    append_to_locations(kept_from(first), errors_.end(), static_cast<std::uint64_t>(index), location_lost_);
}

void validation_context::keep_custom(std::string_view type, std::string_view msg, boost::json::value&& input,
                                     boost::json::object&& ctx)
{
    keep(error_type::custom, std::move(input), std::move(ctx));
    errors_.back().custom_type = type;
    errors_.back().custom_msg = msg;
}

void validation_context::sort_errors_by_rank(std::size_t first, const void* rank,
                                             std::size_t (*rank_of)(const void*, std::optional<std::string_view>))
{
    auto begin = kept_from(first);
    const auto n = static_cast<std::size_t>(errors_.end() - begin);
    std::vector<std::size_t> ranks(n);
    for (std::size_t i = 0; i < n; ++i)
        ranks[i] = rank_of(rank, key_of(begin[static_cast<std::ptrdiff_t>(i)]));
    if (std::is_sorted(ranks.begin(), ranks.end()))
        return;
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ranks[a] < ranks[b]; });
    std::vector<validation_error> sorted;
    sorted.reserve(n);
    for (std::size_t i : order)
        sorted.push_back(std::move(begin[static_cast<std::ptrdiff_t>(i)]));
    std::move(sorted.begin(), sorted.end(), begin);
}

EngineError validation_context::to_error(std::string_view title) &&
{
    if (location_lost_)
        throw std::bad_alloc();
    boost::json::array errors;
    errors.reserve(errors_.size());
    for (validation_error& e : errors_) {
        boost::json::object out;
        out.reserve(5);
        if (e.type == error_type::custom)
            out.emplace("type", e.custom_type);
        else
            out.emplace("type", error_type_name(e.type));
        std::reverse(e.loc.begin(), e.loc.end()); // innermost first until now
        out.emplace("loc", std::move(e.loc));
        out.emplace("msg", message_of(e, mode_));
        out.emplace("input", std::move(e.input));
        if (!e.ctx.empty())
            out.emplace("ctx", std::move(e.ctx));
        errors.emplace_back(std::move(out));
    }
    std::string message = format_errors(title, errors, count_);
    boost::json::object details;
    details.emplace("title", title);
    details.emplace("errors", std::move(errors));
    details.emplace("error_count", count_);
    return make_error(EngineErrorCode::validation, EngineErrorSource::json_engine, "validation_failed",
                      std::move(message), std::move(details));
}

std::string validation_context::format_errors(std::string_view title, const boost::json::array& errors,
                                              std::size_t count)
{
    std::string out;
    detail::append_integer(out, count);
    out += count == 1 ? " validation error for " : " validation errors for ";
    out += title;
    for (auto const& ev : errors) {
        auto const& e = ev.get_object();
        out += '\n';
        auto const& loc = e.at("loc").get_array();
        if (!loc.empty()) {
            detail::append_loc(out, loc);
            out += '\n';
        }
        auto const& input = e.at("input");
        std::string repr;
        detail::append_python_repr(repr, input);
        out += "  ";
        out += e.at("msg").get_string();
        out += " [type=";
        out += e.at("type").get_string();
        out += ", input_value=";
        out += detail::shorten_repr(repr);
        out += ", input_type=";
        out += detail::python_type_name(input);
        out += ']';
    }
    if (count > errors.size()) {
        std::size_t more = count - errors.size();
        out += "\n... and ";
        detail::append_integer(out, more);
        out += more == 1 ? " more error (max_errors=" : " more errors (max_errors=";
        detail::append_integer(out, errors.size()); // as many as were kept
        out += ')';
    }
    return out;
}

} // namespace agent_engine
