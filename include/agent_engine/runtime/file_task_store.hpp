#ifndef AGENT_ENGINE_RUNTIME_FILE_TASK_STORE_HPP
#define AGENT_ENGINE_RUNTIME_FILE_TASK_STORE_HPP

// file_task_store: a task_store on a directory tree, {root}/{project}/{id}.json,
// the Python original's layout.
//
// A put writes the document's temporary file ".{id}.tmp" in the project
// directory under an exclusive flock, fsyncs it, renames it over {id}.json and
// fsyncs the directory (the fsyncs only when `durable`): after a crash at any
// instant the file holds the old or the new document, never a torn one. A
// temporary file left by a killed writer is ignored by every read and taken
// over (truncated, rewritten, renamed) by the next put of the same id. The
// project directory and files are opened with O_NOFOLLOW | O_CLOEXEC, the files
// through the project directory's descriptor (opened afresh by each call), so a
// symlink planted in the tree is refused (code security) instead of followed
// out of the root. Listing ignores temporary and hidden files, directories,
// symlinks and non-.json entries.
// Every failure is a value: io errors carry the path and the OS's message.
//
// Thread-safety: a file_task_store holds no mutable state; concurrent calls
// (threads or processes) are safe. Concurrent puts of one id take turns on the
// temporary file's lock; the last one wins, whole file.

#include <agent_engine/runtime/task_store.hpp>

#include <filesystem>

namespace agent_engine {

struct file_store_options {
    // fsync the file and its directory on every put (off: faster, and still
    // never torn after a process crash, but an OS crash may lose recent puts).
    bool durable = true;
    // The largest document put writes and every read opens: a larger file (a
    // runaway writer's, or a sparse one) is an io error naming it and the limit,
    // refused before a byte of it is read.
    std::size_t max_document_bytes = default_max_document_bytes;
};

class file_task_store final : public task_store {
    std::filesystem::path root_;
    file_store_options options_;

public:
    explicit file_task_store(std::filesystem::path root, file_store_options options = {})
        : root_(std::move(root)), options_(options)
    {
    }

    const std::filesystem::path& root() const noexcept { return root_; }
    const file_store_options& options() const noexcept { return options_; }

    Result<std::string> put(std::string_view project, std::string_view id, std::string_view bytes) override;
    Result<std::string> get(std::string_view project, std::string_view id) const override;
    Result<document_stream> open(std::string_view project, std::string_view id) const override;
    Result<document_ends> get_ends(std::string_view project, std::string_view id, std::size_t head,
                                   std::size_t tail) const override;
    void for_each_ends(std::string_view project, std::span<const std::string> ids, std::size_t head,
                       std::size_t tail, const ends_visitor& f) const override;
    Result<std::vector<std::string>> list(std::string_view project) const override;
    Result<std::vector<std::string>> list_projects() const override;
    Result<void> remove(std::string_view project, std::string_view id) override;
    // still_wanted() is asked under the flock a put of the document holds.
    Result<bool> remove_if(std::string_view project, std::string_view id, const removal_check& check) override;
    // still_wanted() is asked under the same flock, before the temporary file is written.
    Result<bool> replace_if(std::string_view project, std::string_view id, std::string_view bytes,
                            const removal_check& check) override;
    std::string location(std::string_view project, std::string_view id) const override;
    // not_found when the root directory does not exist, io when it cannot be opened as one.
    Result<void> check_exists() const override;
};

// A JSON file outside any store (`agent-tasks validate FILE`), opened as a store
// opens its documents: a FIFO, device or directory is an io error naming it,
// never read; a file over `max_bytes` is refused unread; a missing one is an
// io error too. The text is read as it is decoded (from_json of the source).
Result<std::unique_ptr<text_source>> open_document_file(const std::filesystem::path& file,
                                                        std::size_t max_bytes = default_max_document_bytes);

} // namespace agent_engine

#endif
