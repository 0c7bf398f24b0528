#ifndef AGENT_ENGINE_CORE_RULES_UUID_HPP
#define AGENT_ENGINE_CORE_RULES_UUID_HPP

// boost::uuids::uuid is pydantic's UUID: written lowercase and hyphenated
// ("12345678-1234-5678-1234-567812345678"); read as pydantic reads it, from 32
// hex digits, hyphenated, in braces or after "urn:uuid:", in either case.
// Errors: uuid_type (not a string), uuid_parsing with pydantic's reason
// ("invalid length: expected length 32 for simple format, found 4"). Strict
// mode reads the same in JSON mode and refuses everything in python mode
// (is_instance_of: pydantic wants a UUID object there). The
// parsing and formatting are compiled once (src/uuid.cpp).

#include <agent_engine/core/constraints/kind.hpp>
#include <agent_engine/core/json_rule.hpp>

#include <boost/uuid/uuid.hpp>

#include <string>
#include <string_view>

namespace agent_engine {
namespace detail {

// Reads `text` into `out`: empty when it is a UUID, else pydantic's reason why not.
std::string read_uuid(std::string_view text, boost::uuids::uuid& out);
// `id` as 36 lowercase characters, hyphenated.
std::string uuid_text(const boost::uuids::uuid& id);

} // namespace detail

template <> struct json_rule<boost::uuids::uuid> {
    template <class Writer> static void write(Writer& w, const boost::uuids::uuid& v) { w.string(detail::uuid_text(v)); }

    template <class Reader> static void read(Reader& r, boost::uuids::uuid& out, validation_context& ctx)
    {
        if (ctx.strict() && ctx.mode() == input_mode::python) { // wants a UUID object, which JSON data never is
            ctx.fail(error_type::is_instance_of, [&] {
                return validation_context::error_details{r.capture(), {{"class", "UUID"}}};
            });
            return;
        }
        if (r.kind() != boost::json::kind::string) {
            ctx.fail(error_type::uuid_type, [&] { return r.capture(); });
            return;
        }
        std::string_view text = r.get_string();
        std::string why = detail::read_uuid(text, out);
        if (!why.empty())
            detail::fail_with_reason(ctx, error_type::uuid_parsing, why.c_str(),
                                     [&] { return boost::json::value(boost::json::string(text)); });
    }

    static std::string label() { return "UUID"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "string"}, {"format", "uuid"}}; }
};

} // namespace agent_engine

#endif
