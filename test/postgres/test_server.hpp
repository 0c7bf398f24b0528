#ifndef AGENT_ENGINE_TEST_POSTGRES_TEST_SERVER_HPP
#define AGENT_ENGINE_TEST_POSTGRES_TEST_SERVER_HPP

// The private server the ctest fixture "postgres" starts (pg_server start), and
// a fresh schema per store so that test cases never see each other's rows.

#include <agent_engine/postgres/postgres_task_store.hpp>

#include "../schemas/fixtures.hpp"

#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

namespace test_server {

// The URI written by `pg_server start` into the state directory ctest passes.
inline std::string uri_in(const std::string& state)
{
    std::string uri = fixtures::read(std::filesystem::path(state) / "uri");
    while (!uri.empty() && uri.back() == '\n')
        uri.pop_back();
    if (uri.empty())
        throw std::runtime_error("no server: run these tests through ctest (fixture postgres), state " + state);
    return uri;
}

inline std::string uri()
{
    const char* state = std::getenv("AGENT_ENGINE_TEST_POSTGRES");
    return uri_in(state ? state : "");
}

inline std::string fresh_schema(const std::string& prefix = "t")
{
    static int schemas = 0;
    return prefix + "_" + std::to_string(::getpid()) + "_" + std::to_string(++schemas);
}

inline std::shared_ptr<agent_engine::postgres_task_store> open(const std::string& schema)
{
    return agent_engine::postgres_task_store::open(uri(), {.schema = schema}).value();
}

} // namespace test_server

#endif
