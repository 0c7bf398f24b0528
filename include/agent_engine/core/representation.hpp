#ifndef AGENT_ENGINE_CORE_REPRESENTATION_HPP
#define AGENT_ENGINE_CORE_REPRESENTATION_HPP

// representation<T>: a type of your own, written and read as a type the library
// already handles (a string, a number, a described struct, a container), in two
// functions:
//
//   template <> struct agent_engine::representation<shop::Version> {
//       static std::string to(const shop::Version& v);                        // T -> R
//       static agent_engine::converted<shop::Version> from(std::string_view);  // R -> T, or why not
//       static constexpr std::string_view title = "Version";                   // optional
//   };
//
// The representation type R is what `to` returns (decayed); `from` takes an R
// (or what an R converts to: std::string_view for std::string) and returns a T
// or an `invalid`. Writing, reading (with R's type errors and `from`'s own, at
// the value's location), validate and JSON Schema follow from R's rule (see
// rules/representation.hpp). `title`, when given, names T in error reports and
// JSON Schema instead of R's name. Specialize it before the first use of a
// schema that holds a T; a T has a representation or a json_rule, not both.
//
// This header declares only what a specialization needs, so that it can be
// written without the rules.

#include <boost/json/object.hpp>

#include <string>
#include <utility>
#include <variant>

namespace agent_engine {

// No representation: T is handled by its json_rule.
template <class T> struct representation {};

// Why a representation could not be turned into a T, as pydantic reports it:
// invalid("message") is a value_error ("Value error, message", as a Python
// validator raising ValueError(message)); invalid(type, message, ctx) is an
// error of your own type, with `message` as is and `ctx` as its context.
struct invalid {
    std::string type;    // empty for value_error
    std::string message; // what to say, without the "Value error, " a value_error adds
    boost::json::object ctx;

    explicit invalid(std::string message_) : message(std::move(message_)) {}
    invalid(std::string type_, std::string message_, boost::json::object ctx_ = {})
        : type(std::move(type_)), message(std::move(message_)), ctx(std::move(ctx_))
    {
    }
};

// What representation<T>::from returns: a T, or why there is none.
template <class T> class converted {
    std::variant<T, invalid> v_;

public:
    converted(T value) : v_(std::in_place_index<0>, std::move(value)) {}
    converted(invalid why) : v_(std::in_place_index<1>, std::move(why)) {}

    bool has_value() const noexcept { return v_.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    invalid& error() & { return std::get<1>(v_); }
    const invalid& error() const& { return std::get<1>(v_); }
    invalid&& error() && { return std::get<1>(std::move(v_)); }
};

// Whether T is specialized with a representation (a `to` from a const T&).
template <class T>
concept has_representation = requires(const T& v) { representation<T>::to(v); };

} // namespace agent_engine

#endif
