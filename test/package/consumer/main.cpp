// A downstream project: one schema, one round trip, one collected error.
#include <agent_engine/agent_engine.hpp>

#include <iostream>

namespace shop {
struct Item {
    std::string sku;
    int quantity = 1;
};
BOOST_DESCRIBE_STRUCT(Item, (), (sku, quantity))
AGENT_ENGINE_REQUIRED(Item, sku)
} // namespace shop

int main()
{
    auto item = agent_engine::from_json<shop::Item>(R"({"sku": "A-1", "quantity": 3})");
    if (!item || agent_engine::to_json(item.value(), agent_engine::json_format::compact()) != R"({"sku":"A-1","quantity":3})")
        return 1;
    auto bad = agent_engine::from_json<shop::Item>(R"({"quantity": "x"})");
    if (bad || bad.error().code != agent_engine::EngineErrorCode::validation)
        return 1;
    std::cout << bad.error().message << '\n';
    return 0;
}
