#ifndef AGENT_ENGINE_CORE_VALIDATE_HPP
#define AGENT_ENGINE_CORE_VALIDATE_HPP

// validate(x): checks an object built in memory against its schema's rules
// (types, ranges, constraints, validators) before a program saves or sends it,
// with the errors from_dict would give for the same object as JSON.
// validate_dict<T>(json): the same check of JSON input, keeping no object.

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/core/result.hpp>

namespace agent_engine {

// As from_dict, a versioned schema's older input is migrated first (core/versioning.hpp).
template <class T> Result<void> validate_dict(const boost::json::value& input, const read_options& options = {})
{
    T discarded{};
    return from_dict(input, discarded, options);
}

// Reads to_dict(value) back and discards the copy: one read path, so validate
// and from_dict cannot disagree.
template <class T> Result<void> validate(const T& value, const read_options& options = {})
{
    return validate_dict<T>(to_dict(value), options);
}

} // namespace agent_engine

#endif
