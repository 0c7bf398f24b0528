#ifndef AGENT_ENGINE_CORE_RESULT_HPP
#define AGENT_ENGINE_CORE_RESULT_HPP

// Result<T>: a value or an EngineError. Failures are returned, never thrown.
//
// The policy lets `.value()` compile for a custom error type: calling it on a
// failed result throws boost::outcome_v2::bad_result_access_with<EngineError>,
// which carries the error. Check `has_value()` first, or use BOOST_OUTCOME_TRY.
//
// As with std::optional, `value()` of a temporary Result refers into that
// temporary: `for (auto& x : load().value())` dangles. Keep the Result in a
// variable first, or take the value out by moving: `auto v = load().value();`.

#include <agent_engine/core/error.hpp>

// basic_result and its policy, not <boost/outcome/result.hpp>: that one also
// brings boost::system and boost::exception_ptr, a second of parsing in every TU.
#include <boost/outcome/basic_result.hpp>
#include <boost/outcome/policy/throw_bad_result_access.hpp>
#include <boost/outcome/try.hpp>

namespace agent_engine {

template <class T>
using Result = boost::outcome_v2::basic_result<T, EngineError,
                                               boost::outcome_v2::policy::throw_bad_result_access<EngineError, void>>;

} // namespace agent_engine

#endif
