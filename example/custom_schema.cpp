// A downstream developer's own schema, stored, listed and validated with the
// same machinery as Task: describe it once, then use any task_store.

#include <agent_engine/agent_engine.hpp>

#include <iostream>

// Your schema, in your namespace.
namespace lab {

struct Experiment {
    std::string run_id;
    std::string model;
    double learning_rate = 1e-3;
    std::vector<double> losses;
    std::optional<std::string> finished_at;
};
BOOST_DESCRIBE_STRUCT(Experiment, (), (run_id, model, learning_rate, losses, finished_at))
AGENT_ENGINE_REQUIRED(Experiment, run_id, model)

} // namespace lab

using namespace agent_engine;

int main(int argc, char** argv)
{
    file_task_store store(argc > 1 ? argv[1] : ".agent_engine/experiments");

    // Store two runs: atomic, durable writes to {root}/mnist/{run_id}.json.
    for (auto [id, lr] : {std::pair{"run-a", 0.01}, std::pair{"run-b", 0.001}}) {
        lab::Experiment e{id, "mlp", lr, {2.3, 0.9, 0.4}, utc_timestamp_now()};
        auto where = put_document(store, "mnist", id, e);
        if (!where) {
            std::cerr << where.error().message << '\n';
            return 1;
        }
        std::cout << "saved " << where.value() << '\n';
    }

    // List and load them back.
    auto ids = store.list("mnist"); // keep the Result alive while iterating its value
    for (auto const& id : ids.value()) {
        auto e = get_document<lab::Experiment>(store, "mnist", id);
        std::cout << id << ": lr=" << e.value().learning_rate << " final loss=" << e.value().losses.back() << '\n';
    }

    // A damaged document is a validation error with pydantic's listing, not a crash.
    store.put("mnist", "run-bad", R"({"run_id": "run-bad", "learning_rate": "fast"})").value();
    auto bad = get_document<lab::Experiment>(store, "mnist", "run-bad");
    std::cout << bad.error().message << '\n';

    // Keys that could escape the root are refused before anything is written.
    auto escape = put_document(store, "..", "x", lab::Experiment{});
    std::cout << "unsafe project: " << escape.error().message << '\n';
}
