// The free-form values' rules, their compiled part: the keys of a dict of Any
// as a model's str configuration changes them.
#include <agent_engine/core/rules/json_value.hpp>

#include <algorithm>
#include <utility>

namespace agent_engine::detail {

void configure_changed_keys(boost::json::object& o, validation_context& ctx)
{
    auto changes = [&](const boost::json::key_value_pair& m) { return configured_str(m.key(), ctx) != m.key(); };
    if (std::none_of(o.begin(), o.end(), changes))
        return;
    boost::json::object configured(o.storage());
    configured.reserve(o.size());
    for (auto& m : o)
        configured[configured_str(m.key(), ctx)] = std::move(m.value());
    replace_json(o, std::move(configured));
}

} // namespace agent_engine::detail
