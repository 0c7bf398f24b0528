#ifndef AGENT_ENGINE_CORE_READ_OPTIONS_HPP
#define AGENT_ENGINE_CORE_READ_OPTIONS_HPP

// read_options: what one read (from_dict, from_json, validate) may be told
// beyond its input. Name only what differs from the default:
//   from_json<Task>(text, {.max_errors = 10})

#include <cstddef>

namespace agent_engine {

struct read_options {
    // Errors kept in full (location, message, input, ctx). The ones after that
    // are only counted: an input with millions of errors costs the time to
    // read it and the memory for this many, and its report ends with how many
    // more there were. pydantic keeps all of them; real inputs have a handful.
    std::size_t max_errors = 1000;
    // pydantic's strict mode for the whole read (model_validate_json(..., strict=True)):
    // no conversion between JSON kinds ("5" is not an int, 1.0 is not an int,
    // "true" is not a bool). By default the read is lax, pydantic's default,
    // unless a schema (AGENT_ENGINE_STRICT) or a member (strict()) asks for strict.
    bool strict = false;
};

} // namespace agent_engine

#endif
