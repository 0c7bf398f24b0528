// The free-form values' rules, their compiled part: the keys of a dict of Any
// as a model's str configuration changes them.
#include <agent_engine/core/rules/json_value.hpp>

#include <algorithm>
#include <utility>

namespace agent_engine::detail {
namespace {

// Whether configured_str would change `key`. Most keys are left as they are;
// an ASCII key is told without building its configured copy.
bool configuration_changes(std::string_view key, validation_context& ctx)
{
    auto const& config = ctx.str_config();
    if (config.strip_whitespace && strip_whitespace(key).size() != key.size())
        return true;
    if (config.to_case == letter_case::kept)
        return false;
    const unsigned changed_from = config.to_case == letter_case::lower ? 'A' : 'a';
    for (char c : key) {
        auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80) // beyond ASCII: as configured_str maps it
            return configured_str(key, ctx) != key;
        if (byte - changed_from < 26)
            return true;
    }
    return false;
}

} // namespace

void configure_changed_keys(boost::json::object& o, validation_context& ctx)
{
    auto changes = [&](const boost::json::key_value_pair& m) { return configuration_changes(m.key(), ctx); };
    if (std::none_of(o.begin(), o.end(), changes))
        return;
    boost::json::object configured(o.storage());
    configured.reserve(o.size());
    for (auto& m : o)
        configured[configured_str(m.key(), ctx)] = std::move(m.value());
    replace_json(o, std::move(configured));
}

} // namespace agent_engine::detail
