// The store conformance suite against file_task_store.
#include "store_conformance.hpp"

#include <agent_engine/runtime/file_task_store.hpp>

std::function<std::shared_ptr<agent_engine::task_store>()> conformance_storage()
{
    static int stores = 0;
    auto dir = std::filesystem::temp_directory_path() /
               ("agent_engine_conformance_" + std::to_string(::getpid()) + "_" + std::to_string(++stores));
    std::filesystem::remove_all(dir);
    // The directory goes with the last handle (or the opener) that uses it.
    auto cleanup = std::shared_ptr<void>(nullptr, [dir](void*) {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    });
    return [dir, cleanup] {
        return std::shared_ptr<agent_engine::task_store>(new agent_engine::file_task_store(dir, {.durable = false}),
                                                         [cleanup](agent_engine::task_store* store) { delete store; });
    };
}
