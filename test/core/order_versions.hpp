#ifndef AGENT_ENGINE_TEST_CORE_ORDER_VERSIONS_HPP
#define AGENT_ENGINE_TEST_CORE_ORDER_VERSIONS_HPP

// A downstream schema in three versions, as three builds of one program have it
// (test/data/evolution/order-v{1,2,3}.json are documents each wrote):
//   version 1 (no version member): {"customer", "name", "quantity": "3"}
//   version 2: customer renamed client, quantity a number instead of a string
//   version 3: name split into first_name and last_name
// orders::v2::Order is the second build (an older binary), orders::v3::Order the
// third (the newer one); the first build's documents have no C++ type here.

#include <agent_engine/agent_engine.hpp>

#include <charconv>
#include <fstream>
#include <sstream>
#include <string>

namespace orders {

// The text of test/data/evolution/{name}; empty when it cannot be read.
inline std::string fixture(const std::string& name)
{
    std::ifstream in(std::string(AGENT_ENGINE_REPO_TEST_DATA) + "/evolution/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// 1 -> 2: the rename and the type change.
inline agent_engine::Result<void> rename_customer_count_quantity(boost::json::object& order)
{
    agent_engine::rename_key(order, "customer", "client");
    if (auto* quantity = order.if_contains("quantity"); quantity && quantity->is_string()) {
        std::string_view text = quantity->get_string();
        int n = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec != std::errc() || end != text.data() + text.size())
            return agent_engine::migration_error("'" + std::string(text) + "' is not a whole number", {"quantity"});
        *quantity = n;
    }
    return boost::outcome_v2::success();
}

// 2 -> 3: the split.
inline agent_engine::Result<void> split_name(boost::json::object& order)
{
    auto* name = order.if_contains("name");
    if (!name)
        return boost::outcome_v2::success();
    if (!name->is_string())
        return agent_engine::migration_error("a name to split should be a string", {"name"});
    std::string full(name->get_string());
    auto space = full.find(' ');
    order["first_name"] = full.substr(0, space);
    order["last_name"] = space == std::string::npos ? "" : full.substr(space + 1);
    order.erase("name");
    return boost::outcome_v2::success();
}

namespace v2 {
struct Order {
    int schema_version = 2;
    std::string client;
    std::string name;
    int quantity = 0;
};
BOOST_DESCRIBE_STRUCT(Order, (), (schema_version, client, name, quantity))
AGENT_ENGINE_REQUIRED(Order, client)
AGENT_ENGINE_SCHEMA_VERSION(Order, schema_version, 2)
AGENT_ENGINE_MIGRATION(Order, 1, rename_customer_count_quantity)
} // namespace v2

namespace v3 {
struct Order {
    int schema_version = 3;
    std::string client;
    std::string first_name;
    std::string last_name;
    int quantity = 0;
    bool operator==(const Order&) const = default;
};
BOOST_DESCRIBE_STRUCT(Order, (), (schema_version, client, first_name, last_name, quantity))
AGENT_ENGINE_REQUIRED(Order, client)
AGENT_ENGINE_SCHEMA_VERSION(Order, schema_version, 3)
AGENT_ENGINE_MIGRATION(Order, 1, rename_customer_count_quantity)
AGENT_ENGINE_MIGRATION(Order, 2, split_name)
} // namespace v3

} // namespace orders

#endif
