#ifndef AGENT_ENGINE_CORE_VALIDATE_HPP
#define AGENT_ENGINE_CORE_VALIDATE_HPP

// validate(x): checks an object built in memory against its schema's rules
// (types, ranges, constraints, validators) before a program saves or sends it,
// with the errors from_dict would give for the same object as JSON.

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/core/result.hpp>

namespace agent_engine {

// Reads to_dict(value) back through from_dict and discards the copy: one read
// path, so validate and from_dict cannot disagree.
template <class T> Result<void> validate(const T& value)
{
    auto read = from_dict<T>(to_dict(value));
    if (!read)
        return std::move(read).error();
    return boost::outcome_v2::success();
}

} // namespace agent_engine

#endif
