// The free-form values' rules, their compiled part: the keys of a dict of Any
// as a model's str configuration changes them.
#include <agent_engine/core/rules/json_value.hpp>

#include <agent_engine/core/detail/unicode_case.hpp>

#include <algorithm>
#include <utility>

namespace agent_engine::detail {
namespace {

// Whether configured_str would change `key`. Most keys are left as they are;
// an ASCII key is told without building a copy.
bool configuration_changes(std::string_view key, validation_context& ctx)
{
    auto const& config = ctx.str_config();
    return (config.strip_whitespace && strip_whitespace(key).size() != key.size()) ||
           changes_letter_case(key, config.to_case);
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
