#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_UUID_VERSION_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_UUID_VERSION_HPP

// uuid_version(n): a UUID of RFC 4122's version n (pydantic's UUID1, UUID3, UUID4,
// UUID5, UuidVersion(n)): `uuid_version` error, JSON Schema format "uuid4".

#include <agent_engine/core/constraints/kind.hpp>
#include <agent_engine/core/rules/uuid.hpp>

#include <boost/uuid/uuid.hpp>

#include <string>
#include <type_traits>

namespace agent_engine::constraints {

struct uuid_version {
    unsigned version;
    constexpr explicit uuid_version(unsigned n) noexcept : version(n) {}
    template <class V> static constexpr bool require()
    {
        constexpr bool applies = std::is_same_v<V, boost::uuids::uuid>;
        static_assert(applies, "agent_engine: uuid_version applies to a boost::uuids::uuid member.");
        return applies;
    }

    template <class V, class Input> bool check(const V& v, validation_context& ctx, const Input& input) const
    {
        // Python's UUID.version, which pydantic compares: none but for RFC 4122's variant.
        bool rfc_4122 = (v.data[8] & 0xC0) == 0x80;
        if (rfc_4122 && static_cast<unsigned>(v.data[6] >> 4) == version)
            return true;
        ctx.fail(error_type::uuid_version, [&] {
            return validation_context::error_details{input(), {{"expected_version", version}}};
        });
        return false;
    }
    template <class V> void annotate(boost::json::object& s) const
    {
        s["format"] = "uuid" + std::to_string(version);
    }
};

} // namespace agent_engine::constraints

#endif
