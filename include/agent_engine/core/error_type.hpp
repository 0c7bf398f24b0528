#ifndef AGENT_ENGINE_CORE_ERROR_TYPE_HPP
#define AGENT_ENGINE_CORE_ERROR_TYPE_HPP

// error_type: the pydantic error types the library's rules report. A rule
// records one with its ctx values; its name and its message (pydantic's
// wording, made from the ctx) are written once, in src/validation_errors.cpp,
// when the errors become an EngineError.

#include <cstdint>
#include <string_view>

namespace agent_engine {

enum class error_type : std::uint8_t {
    missing,
    extra_forbidden,
    model_type,
    dict_type,
    list_type,
    string_type,
    bool_type,
    bool_parsing,
    int_type,
    int_from_float,
    int_parsing_size,
    int_parsing,
    float_type,
    float_parsing,
    finite_number,
    greater_than,       // ctx: gt
    greater_than_equal, // ctx: ge
    less_than,          // ctx: lt
    less_than_equal,    // ctx: le
    string_too_short,   // ctx: min_length
    string_too_long,    // ctx: max_length
    too_short,          // ctx: field_type, min_length, actual_length
    too_long,           // ctx: field_type, max_length, actual_length
    string_pattern_mismatch, // ctx: pattern, and error when it could not be evaluated
    literal_error,      // ctx: expected
    enum_,              // "enum"; ctx: expected
    value_error,        // ctx: error
    datetime_from_date_parsing, // ctx: error
    timezone_aware,
    set_type,
    frozen_set_type,
    bytes_type,
    bytes_invalid_encoding, // ctx: encoding, encoding_error
    bytes_too_short,        // ctx: min_length
    bytes_too_long,         // ctx: max_length
    tuple_type,
    datetime_type,
    datetime_parsing, // ctx: error
    date_type,
    date_parsing,               // ctx: error
    date_from_datetime_parsing, // ctx: error
    date_from_datetime_inexact,
    uuid_type,
    uuid_parsing,     // ctx: error
    uuid_version,     // ctx: expected_version
    path_type,
    is_instance_of, // ctx: class (strict python mode: a UUID or Path wants the Python object)
    time_type,
    time_parsing, // ctx: error
    time_delta_type,
    time_delta_parsing, // ctx: error
    model_attributes_type,
    union_tag_not_found, // ctx: discriminator
    union_tag_invalid,   // ctx: discriminator, tag, expected_tags
    custom, // a rule's own type and message (validation_context::fail with a name)
};

// pydantic's name of `type` ("int_type"); empty for custom.
std::string_view error_type_name(error_type type) noexcept;

} // namespace agent_engine

#endif
