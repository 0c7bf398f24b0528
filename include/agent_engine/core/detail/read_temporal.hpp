#ifndef AGENT_ENGINE_CORE_DETAIL_READ_TEMPORAL_HPP
#define AGENT_ENGINE_CORE_DETAIL_READ_TEMPORAL_HPP

// The one reading of a date, time or duration (rules/time.hpp,
// rules/duration.hpp, rules/time_of_day.hpp): from a string or, in pydantic's
// lax mode, a number, through compiled parsers that say what is wrong; in
// strict mode as pydantic's strict mode reads them.

#include <agent_engine/core/constraints/kind.hpp>
#include <agent_engine/core/validation_context.hpp>

#include <boost/json/kind.hpp>

#include <cstdint>
#include <string_view>

namespace agent_engine::detail {

// Reads through `from` (an overload set: (string_view, bool strict_text),
// int64, double), whose result has `ok`, and when not ok its error `type` and
// `reason` (ctx "error"); then keeps it with `keep(result)`, false when the C++
// type cannot hold it (then `type` with `range_reason`). Anything but a string
// or a number is `type_error`. In strict mode, as pydantic: python mode wants
// the Python object, which JSON data never holds, so everything is
// `type_error`; JSON mode reads the string form only (no Unix time, no number
// of seconds), with `strict_text` set for the grammars that are stricter then.
// `bool_is_number`: a bool is the integer it is in Python (True is 1), as
// pydantic's lax python mode reads a timedelta (its JSON mode does not).
template <class Reader, class From, class Keep>
void read_temporal(Reader& r, validation_context& ctx, error_type type_error, const char* range_reason, From&& from,
                   Keep&& keep, bool bool_is_number = false)
{
    bool is_text = r.kind() == boost::json::kind::string;
    bool strict = ctx.strict();
    if (strict && (!is_text || ctx.mode() == input_mode::python)) {
        ctx.fail(type_error, [&] { return r.capture(); });
        return;
    }
    decltype(from(std::string_view(), false)) got;
    auto report = [&](auto&& input) { fail_with_reason(ctx, got.type, got.ok ? range_reason : got.reason, input); };
    switch (r.kind()) {
    case boost::json::kind::string: {
        std::string_view text = r.get_string();
        ctx.note_read_from_json_string();
        got = from(text, strict);
        if (!got.ok || !keep(got))
            report([&] { return boost::json::value(boost::json::string(text)); });
        return;
    }
    case boost::json::kind::int64: got = from(r.get_int64()); break;
    case boost::json::kind::uint64: got = from(static_cast<double>(r.get_uint64())); break;
    case boost::json::kind::double_: got = from(r.get_double()); break;
    case boost::json::kind::bool_:
        if (bool_is_number && ctx.mode() == input_mode::python) {
            got = from(std::int64_t{r.get_bool()});
            break;
        }
        [[fallthrough]];
    default: ctx.fail(type_error, [&] { return r.capture(); }); return;
    }
    if (!got.ok || !keep(got))
        report([&] { return r.capture(); });
}

} // namespace agent_engine::detail

#endif
