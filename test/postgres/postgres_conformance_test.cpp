// The store conformance suite against postgres_task_store, each case in its own schema.
#include "../runtime/store_conformance.hpp"
#include "test_server.hpp"

std::shared_ptr<agent_engine::task_store> make_conformance_store()
{
    return test_server::open(test_server::fresh_schema("conformance"));
}
