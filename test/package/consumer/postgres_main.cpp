// A downstream project that stores tasks in PostgreSQL (agent_engine::postgres):
// it links, and an unreachable server is an io error value, not an exception.
#include <agent_engine/agent_engine.hpp>
#include <agent_engine/postgres/postgres_task_store.hpp>

#include <iostream>

int main(int argc, char** argv)
{
    if (argc != 2)
        return 2;
    auto unreachable = agent_engine::postgres_task_store::open("host=/nonexistent/agent_engine dbname=tasks");
    if (unreachable || unreachable.error().code != agent_engine::EngineErrorCode::io)
        return 1;
    std::cout << unreachable.error().message << '\n';
    // The same entry point opens a file store for a directory (argv[1]).
    auto files = agent_engine::open_task_store(argv[1]);
    return files ? 0 : 1;
}
