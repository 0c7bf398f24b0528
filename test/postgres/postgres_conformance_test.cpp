// The store conformance suite against postgres_task_store, each case in its own schema.
#include "../runtime/store_conformance.hpp"
#include "test_server.hpp"

std::function<std::shared_ptr<agent_engine::task_store>()> conformance_storage()
{
    return [schema = test_server::fresh_schema("conformance")] { return test_server::open(schema); };
}
