#ifndef AGENT_ENGINE_CORE_DUMP_OPTIONS_HPP
#define AGENT_ENGINE_CORE_DUMP_OPTIONS_HPP

// dump_options: what one write (to_dict, to_json) may be told about which
// members of a schema it writes and under which keys, with pydantic's names
// for model_dump's options. Name only what differs from the default:
//   to_json(task, {.exclude_none = true})
// How the text is spelled (indent, ensure_ascii) is json_format's, in
// text_writer.hpp. A call that names no options (to_json(task)) writes as
// if none existed: the options are read by a described struct's rule from a
// detail::dump_writer, which only the calls that take them make.

namespace agent_engine {

struct dump_options {
    // Keys are the members' aliases (AGENT_ENGINE_ALIAS), as the files are
    // written; false writes the C++ member names. pydantic's default is
    // false, but the Python original dumps its files by alias.
    bool by_alias = true;
    // A member whose value is null (an empty optional or pointer, a null
    // json value) is left out, and so is a kept extra member holding null;
    // a null in a list or a map stays.
    bool exclude_none = false;
    // A member equal to its default (the member of a default-constructed
    // schema) is left out, in nested schemas too. A required member has no
    // default and is always written; so is a schema version member: a
    // document without it reads as version 1.
    bool exclude_defaults = false;
};

} // namespace agent_engine

#endif
