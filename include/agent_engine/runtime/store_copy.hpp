#ifndef AGENT_ENGINE_RUNTIME_STORE_COPY_HPP
#define AGENT_ENGINE_RUNTIME_STORE_COPY_HPP

// copy_documents: moves a history from one task_store to another (files to
// PostgreSQL, a database to a backup directory) byte for byte, reading each
// document back from the destination and comparing it with the source.

#include <agent_engine/runtime/task_store.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace agent_engine {

struct copy_options {
    // The projects to copy; empty: every project of the source.
    std::vector<std::string> projects;
    // Replace a document the destination holds with other bytes. Without it
    // such a document is kept as it is and reported in copy_result::refused.
    bool overwrite = false;
    // Told of each document copied or compared (step "copy").
    progress_callback progress;
};

struct copy_result {
    std::vector<std::string> projects; // the projects copied
    std::size_t copied = 0;            // documents written, then read back equal
    std::size_t unchanged = 0;         // documents the destination held already, byte for byte
    std::vector<EngineError> refused;  // documents the destination holds with other bytes, kept
};

// Copies the documents of `options.projects` (default: all) from `from` to `to`.
// A project named that the source does not hold is a not_found error naming
// every such project, before anything is copied. The first document that
// cannot be read or written, or that reads back from the destination with
// other bytes (io, "copy_differs"), stops the copy with its error; what was
// copied before it stays. Not meant to race writers of the destination.
Result<copy_result> copy_documents(const task_store& from, task_store& to, const copy_options& options = {});

} // namespace agent_engine

#endif
