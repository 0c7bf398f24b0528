#ifndef AGENT_ENGINE_CORE_READ_OPTIONS_HPP
#define AGENT_ENGINE_CORE_READ_OPTIONS_HPP

// read_options: what one read (from_dict, from_json, validate) may be told
// beyond its input. Name only what differs from the default:
//   from_json<Task>(text, {.max_errors = 10})

#include <cstddef>
#include <optional>

namespace agent_engine {

// Which of pydantic's entry points a read answers as. python: model_validate of
// the parsed value ("Input should be a valid list", "... a valid dictionary",
// extra keys after the members' errors). json: model_validate_json of the text
// ("Input should be a valid array", "Input should be an object", extra keys
// first).
enum class input_mode : unsigned char { python, json };

struct read_options {
    // Errors kept in full (location, message, input, ctx). The ones after that
    // are only counted: an input with millions of errors costs the time to
    // read it and the memory for this many, and its report ends with how many
    // more there were. pydantic keeps all of them; real inputs have a handful.
    std::size_t max_errors = 1000;
    // Unset, each call answers as its pydantic counterpart: from_json as json,
    // from_dict and validate_dict as python. A store that loads files written
    // by a Python program that read them with model_validate(json.load(f))
    // reads them as python.
    std::optional<input_mode> mode = std::nullopt;
    // pydantic's strict mode for the whole read (model_validate_json(..., strict=True)):
    // no conversion between JSON kinds ("5" is not an int, 1.0 is not an int,
    // "true" is not a bool). By default the read is lax, pydantic's default,
    // unless a schema (AGENT_ENGINE_STRICT) or a member (strict()) asks for strict.
    bool strict = false;
};

} // namespace agent_engine

#endif
