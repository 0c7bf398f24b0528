// example/quick_start.cpp: describe a schema once, round-trip it, read the errors.
#include <agent_engine/agent_engine.hpp>
#include <iostream>

struct Step {
    std::string name;
    int retries = 0;
    std::optional<std::string> agent;
};
BOOST_DESCRIBE_STRUCT(Step, (), (name, retries, agent))
AGENT_ENGINE_REQUIRED(Step, name)

int main() {
    std::string text = agent_engine::to_json(Step{"plan", 2, "planner"});
    agent_engine::Result<Step> back = agent_engine::from_json<Step>(text);
    std::cout << back.value().retries << '\n';                       // 2

    auto bad = agent_engine::from_json<Step>(R"({"retries": "three"})");
    std::cout << bad.error().message << '\n';
}
