// The store conformance suite against file_task_store.
#include "store_conformance.hpp"

#include <agent_engine/runtime/file_task_store.hpp>

std::shared_ptr<agent_engine::task_store> make_conformance_store()
{
    static int stores = 0;
    auto dir = std::filesystem::temp_directory_path() /
               ("agent_engine_conformance_" + std::to_string(::getpid()) + "_" + std::to_string(++stores));
    std::filesystem::remove_all(dir);
    return std::shared_ptr<agent_engine::task_store>(new agent_engine::file_task_store(dir, {.durable = false}),
                                                     [dir](agent_engine::task_store* store) {
                                                         delete store;
                                                         std::error_code ec;
                                                         std::filesystem::remove_all(dir, ec);
                                                     });
}
