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
};

} // namespace agent_engine

#endif
