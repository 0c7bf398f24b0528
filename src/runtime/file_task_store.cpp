#include <agent_engine/runtime/detail/guarded.hpp>
#include <agent_engine/runtime/file_task_store.hpp>
#include <agent_engine/runtime/project_id.hpp>

#include <cerrno>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace agent_engine {
namespace {

using detail::guarded;

constexpr auto source = EngineErrorSource::task_manager;

// Owns a file descriptor.
class unique_fd {
    int fd_ = -1;

public:
    unique_fd() = default;
    explicit unique_fd(int fd) noexcept : fd_(fd) {}
    unique_fd(unique_fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
    unique_fd& operator=(unique_fd&& o) noexcept
    {
        std::swap(fd_, o.fd_);
        return *this;
    }
    ~unique_fd()
    {
        if (fd_ >= 0)
            ::close(fd_);
    }
    int get() const noexcept { return fd_; }
    int release() noexcept { return std::exchange(fd_, -1); }
};

EngineError io_error(std::string_view operation, const std::string& path, int err)
{
    std::string reason = std::strerror(err);
    return make_error(EngineErrorCode::io, source, "io_failed",
                      "Cannot " + std::string(operation) + " " + path + ": " + reason,
                      {{"path", path}, {"operation", operation}, {"errno", err}, {"reason", reason}});
}

EngineError not_found_error(const std::string& path)
{
    return make_error(EngineErrorCode::not_found, source, "checkpoint_not_found", "Checkpoint file not found: " + path,
                      {{"path", path}});
}

EngineError symlink_error(const std::string& path)
{
    return make_error(EngineErrorCode::security, source, "symlink_refused",
                      "Refusing to follow a symbolic link inside the task store: " + path, {{"path", path}});
}

// An error from opening `path`: missing → not_found, a symlink → security, else io.
EngineError open_error(const std::string& path, int err)
{
    if (err == ENOENT)
        return not_found_error(path);
    if (err == ELOOP)
        return symlink_error(path);
    return io_error("open", path, err);
}

// A file that is not a plain file (directory, FIFO, socket, device) where a
// document belongs: never read (a FIFO would block, a device never end).
EngineError not_a_file_error(const std::string& path, mode_t mode)
{
    std::string_view kind = S_ISDIR(mode)    ? "a directory"
                            : S_ISFIFO(mode) ? "a FIFO"
                            : S_ISSOCK(mode) ? "a socket"
                            : S_ISCHR(mode) || S_ISBLK(mode) ? "a device"
                                                             : "a special file";
    return make_error(EngineErrorCode::io, source, "not_a_file",
                      "Cannot read " + path + ": it is " + std::string(kind) + ", not a checkpoint file",
                      {{"path", path}, {"operation", "read"}});
}

int open_flags_dir() noexcept { return O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW; }

std::string file_name(std::string_view id) { return std::string(id) + std::string(checkpoint_extension); }

// `dir` / `name` spelled as std::filesystem::path spells it for a relative name
// (a separator unless `dir` is empty or ends in one), without the parsing into
// components that made a put's paths cost more than a microsecond.
std::string join(std::string_view dir, std::string_view name)
{
    std::string joined;
    joined.reserve(dir.size() + 1 + name.size());
    joined.append(dir);
    if (!dir.empty() && dir.back() != '/')
        joined.push_back('/');
    joined.append(name);
    return joined;
}

std::string project_path(const std::filesystem::path& root, std::string_view project)
{
    return join(root.native(), project);
}

// The one temporary file of document `id`: ".{id}.tmp" (as long as {id}.json, so
// it fits in NAME_MAX; the leading dot keeps it out of every listing).
std::string temp_name(std::string_view id)
{
    // appended piecewise: g++ 12 -O3 warns (-Wrestrict, falsely) on "." + std::string(id)
    std::string name;
    name.reserve(id.size() + 5);
    name.append(".").append(id).append(".tmp");
    return name;
}

Result<void> write_all(int fd, std::string_view bytes, const std::string& path)
{
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return io_error("write", path, errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return boost::outcome_v2::success();
}

Result<void> sync(int fd, const std::string& path)
{
    if (::fsync(fd) != 0)
        return io_error("fsync", path, errno);
    return boost::outcome_v2::success();
}

// Opens the temporary file of a document, creating it if missing, and holds an
// exclusive flock on it until the descriptor closes. The lock serializes the
// writers of one document across threads and processes, and the kernel drops
// it when its holder dies: a file left by a killed writer is simply taken over
// and truncated, so a later save of the same document cleans it up.
Result<unique_fd> lock_temp_file(int dir_fd, const std::string& tmp, const std::string& tmp_path)
{
    // Each retry means another writer renamed or removed the file between our
    // open and our lock, i.e. it made progress; the bound only stops a pathology.
    for (int attempt = 0; attempt < 10000; ++attempt) {
        // O_NONBLOCK: a FIFO planted under the name must not hang the writer.
        unique_fd file(::openat(dir_fd, tmp.c_str(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0666));
        if (file.get() < 0)
            return errno == ELOOP ? symlink_error(tmp_path) : io_error("create", tmp_path, errno);
        while (::flock(file.get(), LOCK_EX) != 0)
            if (errno != EINTR)
                return io_error("lock", tmp_path, errno);
        struct stat held {}, named {};
        if (::fstat(file.get(), &held) != 0)
            return io_error("stat", tmp_path, errno);
        if (::fstatat(dir_fd, tmp.c_str(), &named, AT_SYMLINK_NOFOLLOW) != 0) {
            if (errno == ENOENT)
                continue;
            return io_error("stat", tmp_path, errno);
        }
        if (held.st_dev != named.st_dev || held.st_ino != named.st_ino)
            continue;
        // Being unlinked: the kernel drops the link count before the name stops
        // resolving, so for a moment the name still leads to a file with none.
        if (held.st_nlink == 0)
            continue;
        // A hard link would let the truncation below reach a file outside the tree.
        if (!S_ISREG(held.st_mode) || held.st_nlink != 1)
            return make_error(EngineErrorCode::security, source, "unsafe_temporary_file",
                              "Refusing to overwrite a temporary file that is not a plain file: " + tmp_path,
                              {{"path", tmp_path}});
        // Only a killed writer's leftover has bytes; ext4 journals even an
        // empty file's truncation.
        if (held.st_size != 0 && ::ftruncate(file.get(), 0) != 0)
            return io_error("truncate", tmp_path, errno);
        return file;
    }
    return io_error("lock", tmp_path, EAGAIN);
}

// Names in directory `fd` (consumed) accepted by `keep(name, stat)`, sorted;
// `keep` sees the entry's type (st_mode) only, as lstat gives it.
template <class Keep>
Result<std::vector<std::string>> scan_directory(unique_fd fd, const std::string& path, Keep keep)
{
    DIR* dir = ::fdopendir(fd.get());
    if (!dir)
        return io_error("list", path, errno);
    fd.release();
    std::vector<std::string> names;
    struct closer {
        DIR* d;
        ~closer() { ::closedir(d); }
    } close_dir{dir};
    errno = 0;
    while (dirent* entry = ::readdir(dir)) {
        std::string_view name = entry->d_name;
        if (!is_safe_name(name))
            continue;
        // The entry's type as lstat would give it: from readdir when the
        // filesystem says (one syscall per directory block, not per file).
        struct stat st {};
        switch (entry->d_type) {
        case DT_REG: st.st_mode = S_IFREG; break;
        case DT_DIR: st.st_mode = S_IFDIR; break;
        case DT_LNK: st.st_mode = S_IFLNK; break;
        case DT_UNKNOWN:
            if (::fstatat(::dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
                errno = 0;
                continue;
            }
            break;
        default: st.st_mode = S_IFIFO; break; // FIFO, socket, device: never kept
        }
        if (keep(name, st))
            names.emplace_back(name);
        errno = 0;
    }
    if (errno != 0)
        return io_error("list", path, errno);
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

std::string file_task_store::location(std::string_view project, std::string_view id) const
{
    return join(project_path(root_, project), file_name(id));
}

namespace {

// fsyncs the directory at `path`, making the entries created in it durable.
Result<void> sync_directory(const std::filesystem::path& path)
{
    unique_fd fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0)
        return io_error("open", path.string(), errno);
    return sync(fd.get(), path.string());
}

// The root directory, created first when `create`. A directory's entry is
// durable only once its parent is fsynced: when `durable`, every directory
// that create_directories made (the root, and parents it lacked) has its
// parent fsynced, walking up from the root while the directory was missing.
Result<unique_fd> open_root(const std::filesystem::path& root, bool create, bool durable)
{
    if (create) {
        std::error_code ec;
        std::vector<std::filesystem::path> missing; // the root first, then its missing parents
        if (durable) {
            // Not normalized: the walk visits what create_directories visits ("c/.." too).
            auto dir = std::filesystem::absolute(root, ec);
            if (ec)
                return io_error("create directory", root.string(), ec.value());
            if (!dir.has_filename()) // "a/b/" names "a/b"
                dir = dir.parent_path();
            while (dir.has_relative_path() &&
                   std::filesystem::symlink_status(dir, ec).type() == std::filesystem::file_type::not_found) {
                missing.push_back(dir);
                dir = dir.parent_path();
            }
        }
        std::filesystem::create_directories(root, ec);
        if (ec)
            return io_error("create directory", root.string(), ec.value());
        for (auto const& dir : missing) {
            BOOST_OUTCOME_TRY(sync_directory(dir.parent_path()));
        }
    }
    unique_fd fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0) // a root missing after it was created is not a missing document
        return create && errno == ENOENT ? io_error("open", root.string(), errno) : open_error(root.string(), errno);
    return fd;
}

// The project's directory below the root descriptor, never through a symlink.
Result<unique_fd> open_project(int root_fd, const std::string& name, const std::string& path)
{
    unique_fd fd(::openat(root_fd, name.c_str(), open_flags_dir()));
    if (fd.get() < 0) {
        int err = errno;
        // O_DIRECTORY | O_NOFOLLOW on a symlink fails with ENOTDIR, not ELOOP.
        struct stat st {};
        if (err == ENOTDIR && ::fstatat(root_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
            return symlink_error(path);
        return open_error(path, err);
    }
    return fd;
}

// The project's directory if it exists (not_found otherwise), opened read-only.
Result<unique_fd> open_existing_project(const std::filesystem::path& root, std::string_view project)
{
    BOOST_OUTCOME_TRY(auto root_fd, open_root(root, false, false));
    return open_project(root_fd.get(), std::string(project), (root / project).string());
}

// A project directory opened for a put, and whether this put created it.
struct put_directory {
    unique_fd fd;
    bool created = false;
};

// The project's directory for a put, created (with the root) when missing. The
// common case, both existing, costs one open: the root's path resolves as in
// open_root and the project, one safe name, is not followed, as in open_project.
// When `durable` and this call created the project, the root is fsynced so that
// its entry survives an OS crash (the put then fsyncs the project directory).
Result<put_directory> open_project_for_put(const std::filesystem::path& root, const std::string& dir,
                                           std::string_view project, bool durable)
{
    if (!root.empty()) { // "" would name the current directory here, an error in open_root
        unique_fd fd(::open(dir.c_str(), open_flags_dir()));
        if (fd.get() >= 0)
            return put_directory{std::move(fd), false};
    }
    // Missing, a symlink or another failure: the long way creates or names it.
    BOOST_OUTCOME_TRY(auto root_fd, open_root(root, true, durable));
    std::string name(project);
    bool created = ::mkdirat(root_fd.get(), name.c_str(), 0777) == 0;
    if (!created && errno != EEXIST)
        return io_error("create directory", dir, errno);
    if (created && durable) {
        BOOST_OUTCOME_TRY(sync(root_fd.get(), root.string()));
    }
    auto fd = open_project(root_fd.get(), name, dir);
    if (!fd) // removed as soon as made: not a missing document, a failed save
        return fd.error().code == EngineErrorCode::not_found ? io_error("open", dir, ENOENT) : std::move(fd).error();
    return put_directory{std::move(fd).value(), created};
}

// True when the directory open as `fd` has been removed (a put then starts over).
bool directory_removed(int fd) noexcept
{
    struct stat st {};
    return ::fstat(fd, &st) == 0 && st.st_nlink == 0;
}

// The directory of the document at `path`; a missing directory is that document's not_found.
Result<unique_fd> open_document_directory(const std::filesystem::path& root, std::string_view project,
                                          const std::string& path)
{
    auto dir = open_existing_project(root, project);
    if (!dir && dir.error().code == EngineErrorCode::not_found)
        return not_found_error(path);
    return dir;
}

// A document opened for reading, its size when opened, and the most of it that may be read.
struct opened_document {
    unique_fd fd;
    std::size_t size = 0;
    std::size_t limit = 0;
};

// The open `file` as a document: a regular file (a FIFO would block a read, a
// device never end) of at most `limit` bytes, refused before a byte is read.
Result<opened_document> as_document(unique_fd file, const std::string& path, std::size_t limit)
{
    struct stat st {};
    if (::fstat(file.get(), &st) != 0)
        return io_error("stat", path, errno);
    if (!S_ISREG(st.st_mode))
        return not_a_file_error(path, st.st_mode);
    auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > limit)
        return document_too_large("read", path, size, limit);
    return opened_document{std::move(file), static_cast<std::size_t>(size), limit};
}

// O_NONBLOCK: a FIFO planted where a document belongs must not hang the open.
constexpr int document_open_flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK;

// The document `id` of the project directory `dir_fd`.
Result<opened_document> open_in_directory(int dir_fd, std::string_view id, const std::string& path, std::size_t limit)
{
    unique_fd file(::openat(dir_fd, file_name(id).c_str(), document_open_flags | O_NOFOLLOW));
    if (file.get() < 0)
        return open_error(path, errno);
    return as_document(std::move(file), path, limit);
}

// One pread: up to `size` bytes from `offset`, 0 at the end of the file.
Result<std::size_t> pread_some(int fd, char* out, std::size_t size, std::uint64_t offset, const std::string& path)
{
    while (true) {
        ssize_t n = ::pread(fd, out, size, static_cast<off_t>(offset));
        if (n >= 0)
            return static_cast<std::size_t>(n);
        if (errno != EINTR)
            return io_error("read", path, errno);
    }
}

// Up to `count` bytes from `offset` (fewer at the end of the file); `expected`,
// what the file's size promises, sizes the buffer.
Result<std::string> read_from(int fd, std::size_t offset, std::size_t count, std::size_t expected,
                              const std::string& path)
{
    std::string bytes;
    bytes.reserve(std::min(count, expected));
    char buf[65536];
    while (bytes.size() < count) {
        std::size_t asked = std::min(sizeof buf, count - bytes.size());
        BOOST_OUTCOME_TRY(std::size_t n, pread_some(fd, buf, asked, offset + bytes.size(), path));
        bytes.append(buf, n);
        // A short read that completes the size fstat promised is the end: no second
        // read to hear it again. Otherwise (the file grew or shrank, or its file
        // system reads in pieces) read on until the end.
        if (n == 0 || (n < asked && bytes.size() == std::min(count, expected)))
            break;
    }
    return bytes;
}

// All of an opened document as it is now (it may have changed in place since it
// was opened), refused if it grew past its limit.
Result<std::string> read_whole(const opened_document& file, const std::string& path)
{
    std::size_t most = file.limit == std::string::npos ? file.limit : file.limit + 1;
    BOOST_OUTCOME_TRY(auto bytes, read_from(file.fd.get(), 0, most, file.size, path));
    if (bytes.size() > file.limit)
        return document_too_large("read", path, bytes.size(), file.limit);
    return bytes;
}

// A document read as it is decoded, by offset, from the file opened once; no
// further than its limit, should it grow while being read.
class file_source final : public text_source {
    opened_document file_;
    std::string path_;

public:
    file_source(opened_document file, std::string path) noexcept : file_(std::move(file)), path_(std::move(path)) {}

    Result<std::size_t> read(std::uint64_t offset, char* out, std::size_t size) const override
    {
        if (offset < file_.limit)
            return pread_some(file_.fd.get(), out, std::min<std::uint64_t>(size, file_.limit - offset), offset, path_);
        BOOST_OUTCOME_TRY(std::size_t more, pread_some(file_.fd.get(), out, 1, offset, path_));
        if (more != 0)
            return document_too_large("read", path_, offset + more, file_.limit);
        return std::size_t(0);
    }
};

// Both ends of an opened document, or all of it when it is no longer than head + tail.
Result<document_ends> read_ends(const opened_document& file, std::size_t head, std::size_t tail,
                                const std::string& path)
{
    int fd = file.fd.get();
    if (file.size > head + tail) {
        // Both ends of the one file opened: a save renames another file in.
        BOOST_OUTCOME_TRY(auto first, read_from(fd, 0, head, head, path));
        BOOST_OUTCOME_TRY(auto last, read_from(fd, file.size - tail, tail, tail, path));
        if (first.size() == head && last.size() == tail)
            return document_ends{std::move(first), std::move(last), false};
        // Shorter than it was: changed in place, by someone else; read what it is now.
    }
    BOOST_OUTCOME_TRY(auto whole, read_whole(file, path));
    return document_ends{std::move(whole), {}, true};
}

// Checks the keys of the document (project, id) of `store`, opens it and returns
// f(file, path); any exception is an io error about the path.
template <class R, class F>
Result<R> with_document(const file_task_store& store, std::string_view project, std::string_view id, F&& f)
{
    BOOST_OUTCOME_TRY(check_project_key(project));
    BOOST_OUTCOME_TRY(check_document_key(id));
    std::string path = store.location(project, id);
    return guarded(path, [&]() -> Result<R> {
        BOOST_OUTCOME_TRY(auto dir_fd, open_document_directory(store.root(), project, path));
        BOOST_OUTCOME_TRY(auto file, open_in_directory(dir_fd.get(), id, path, store.options().max_document_bytes));
        return f(file, path);
    });
}

// Writes `bytes` as document `name` of the project directory `dir_fd` (the put's
// steps after the directory is open): the temporary file under its lock, then
// the rename, then the directory's fsync. With a `check`, only if it still
// wants the write once the lock is held (false, nothing written, otherwise).
Result<bool> put_in_directory(int dir_fd, const std::string& dir, std::string_view id, const std::string& name,
                              const std::string& path, std::string_view bytes, bool durable,
                              const removal_check* check = nullptr)
{
    std::string tmp = temp_name(id);
    std::string tmp_path = join(dir, tmp);
    BOOST_OUTCOME_TRY(auto file, lock_temp_file(dir_fd, tmp, tmp_path));
    if (check) {
        auto wanted = check->still_wanted();
        if (!wanted || !wanted.value()) {
            // The temporary file goes before the lock, as in remove_if.
            ::unlinkat(dir_fd, tmp.c_str(), 0);
            if (!wanted)
                return std::move(wanted).error();
            return false;
        }
    }
    // Renamed while still locked: a writer waiting for the lock then sees
    // that the name no longer holds the file it opened.
    auto written = [&]() -> Result<void> {
        BOOST_OUTCOME_TRY(write_all(file.get(), bytes, tmp_path));
        if (durable) {
            BOOST_OUTCOME_TRY(sync(file.get(), tmp_path));
        }
        if (::renameat(dir_fd, tmp.c_str(), dir_fd, name.c_str()) != 0)
            return io_error("rename", path, errno);
        return boost::outcome_v2::success();
    }();
    if (!written) {
        ::unlinkat(dir_fd, tmp.c_str(), 0);
        return std::move(written).error();
    }
    if (::close(file.release()) != 0)
        return io_error("close", path, errno);
    // The rename is durable only once the directory entry is on disk (the
    // entries of directories this put created were fsynced on creation).
    if (durable) {
        BOOST_OUTCOME_TRY(sync(dir_fd, dir));
    }
    return true;
}

} // namespace

Result<std::string> file_task_store::put(std::string_view project, std::string_view id, std::string_view bytes)
{
    BOOST_OUTCOME_TRY(check_project_key(project));
    BOOST_OUTCOME_TRY(check_document_key(id));
    std::string dir = project_path(root_, project);
    std::string name = file_name(id);
    std::string path = join(dir, name);
    if (bytes.size() > options_.max_document_bytes) // what no read would accept is not written
        return document_too_large("save", path, bytes.size(), options_.max_document_bytes);
    return guarded(path, [&]() -> Result<std::string> {
        // A project directory removed during the save (by hand, or by another
        // put cleaning up after its failed first save) is made again, a few
        // times: the save is the newest state of its task.
        for (int attempt = 1;; ++attempt) {
            BOOST_OUTCOME_TRY(auto opened, open_project_for_put(root_, dir, project, options_.durable));
            auto put = put_in_directory(opened.fd.get(), dir, id, name, path, bytes, options_.durable);
            if (put)
                return path;
            bool removed = directory_removed(opened.fd.get());
            // A failed first save leaves no empty project behind (rmdir keeps a
            // directory another writer has put a file in meanwhile).
            if (opened.created && !removed)
                ::rmdir(dir.c_str());
            if (!removed || attempt == 3)
                return std::move(put).error();
        }
    });
}

Result<std::string> file_task_store::get(std::string_view project, std::string_view id) const
{
    return with_document<std::string>(*this, project, id, [](opened_document& file, const std::string& path) {
        return read_whole(file, path);
    });
}

Result<document_stream> file_task_store::open(std::string_view project, std::string_view id) const
{
    return with_document<document_stream>(*this, project, id, [](opened_document& file, const std::string& path) {
        return document_stream{std::make_unique<file_source>(std::move(file), path), 0};
    });
}

Result<document_ends> file_task_store::get_ends(std::string_view project, std::string_view id, std::size_t head,
                                                std::size_t tail) const
{
    return with_document<document_ends>(*this, project, id, [&](opened_document& file, const std::string& path) {
        return read_ends(file, head, tail, path);
    });
}

void file_task_store::for_each_ends(std::string_view project, std::span<const std::string> ids, std::size_t head,
                                    std::size_t tail, const ends_visitor& f) const
{
    // The project's directory is opened once: a listing reads thousands of
    // documents. The pass reads the directory it opened, even if the project is
    // renamed or replaced meanwhile, as a listing is a snapshot.
    auto dir = [&]() -> Result<unique_fd> {
        BOOST_OUTCOME_TRY(check_project_key(project));
        std::string path = project_path(root_, project);
        return guarded(path, [&] { return open_document_directory(root_, project, path); });
    }();
    for (std::size_t i = 0; i < ids.size(); ++i) {
        std::string path = location(project, ids[i]);
        auto ends = [&]() -> Result<document_ends> {
            BOOST_OUTCOME_TRY(check_project_key(project)); // the keys first, as in get_ends
            BOOST_OUTCOME_TRY(check_document_key(ids[i]));
            if (!dir)
                return dir.error().code == EngineErrorCode::not_found ? not_found_error(path) : dir.error();
            return guarded(path, [&]() -> Result<document_ends> {
                BOOST_OUTCOME_TRY(auto file,
                                  open_in_directory(dir.value().get(), ids[i], path, options_.max_document_bytes));
                return read_ends(file, head, tail, path);
            });
        }();
        f(i, std::move(ends));
    }
}

Result<bool> file_task_store::remove_if(std::string_view project, std::string_view id, const removal_check& check)
{
    BOOST_OUTCOME_TRY(check_project_key(project));
    BOOST_OUTCOME_TRY(check_document_key(id));
    std::string dir = project_path(root_, project);
    std::string path = join(dir, file_name(id));
    return guarded(path, [&]() -> Result<bool> {
        BOOST_OUTCOME_TRY(auto dir_fd, open_document_directory(root_, project, path));
        // The lock a put holds from its first write to its rename: while it is
        // held, the document is the one still_wanted() reads.
        std::string tmp = temp_name(id);
        BOOST_OUTCOME_TRY(auto lock, lock_temp_file(dir_fd.get(), tmp, join(dir, tmp)));
        auto removed = [&]() -> Result<bool> {
            BOOST_OUTCOME_TRY(bool wanted, check.still_wanted());
            if (!wanted)
                return false;
            if (::unlinkat(dir_fd.get(), file_name(id).c_str(), 0) != 0)
                return errno == ENOENT ? not_found_error(path) : io_error("remove", path, errno);
            return true;
        }();
        // The temporary file goes before the lock: a put waiting for it then
        // finds the name free and makes its own.
        ::unlinkat(dir_fd.get(), tmp.c_str(), 0);
        if (removed && removed.value() && options_.durable) {
            BOOST_OUTCOME_TRY(sync(dir_fd.get(), dir));
        }
        return removed;
    });
}

Result<bool> file_task_store::replace_if(std::string_view project, std::string_view id, std::string_view bytes,
                                         const removal_check& check)
{
    BOOST_OUTCOME_TRY(check_project_key(project));
    BOOST_OUTCOME_TRY(check_document_key(id));
    std::string dir = project_path(root_, project);
    std::string name = file_name(id);
    std::string path = join(dir, name);
    if (bytes.size() > options_.max_document_bytes)
        return document_too_large("save", path, bytes.size(), options_.max_document_bytes);
    return guarded(path, [&]() -> Result<bool> {
        // The document exists (the caller judged it), so its directory does:
        // it is opened, never made.
        BOOST_OUTCOME_TRY(auto dir_fd, open_document_directory(root_, project, path));
        return put_in_directory(dir_fd.get(), dir, id, name, path, bytes, options_.durable, &check);
    });
}

Result<std::unique_ptr<text_source>> open_document_file(const std::filesystem::path& file, std::size_t max_bytes)
{
    std::string path = file.string();
    return guarded(path, [&]() -> Result<std::unique_ptr<text_source>> {
        unique_fd fd(::open(file.c_str(), document_open_flags));
        if (fd.get() < 0)
            return io_error("open", path, errno);
        BOOST_OUTCOME_TRY(auto document, as_document(std::move(fd), path, max_bytes));
        return std::unique_ptr<text_source>(std::make_unique<file_source>(std::move(document), path));
    });
}

Result<std::vector<std::string>> file_task_store::list(std::string_view project) const
{
    BOOST_OUTCOME_TRY(check_project_key(project));
    std::string path = project_path(root_, project);
    return guarded(path, [&]() -> Result<std::vector<std::string>> {
        auto dir_fd = open_existing_project(root_, project);
        if (!dir_fd) // a project that was never written has no tasks
            return dir_fd.error().code == EngineErrorCode::not_found ? Result<std::vector<std::string>>(std::vector<std::string>{})
                                                                     : dir_fd.error();
        BOOST_OUTCOME_TRY(auto names, scan_directory(std::move(dir_fd).value(), path, [](std::string_view name,
                                                                                          const struct stat& st) {
            return S_ISREG(st.st_mode) && name.size() > checkpoint_extension.size() &&
                   name.ends_with(checkpoint_extension) &&
                   is_safe_task_id(name.substr(0, name.size() - checkpoint_extension.size()));
        }));
        for (auto& name : names)
            name.resize(name.size() - checkpoint_extension.size());
        return names;
    });
}

Result<std::vector<std::string>> file_task_store::list_projects() const
{
    std::string path = root_.string();
    return guarded(path, [&]() -> Result<std::vector<std::string>> {
        auto root_fd = open_root(root_, false, false);
        if (!root_fd)
            return root_fd.error().code == EngineErrorCode::not_found ? Result<std::vector<std::string>>(std::vector<std::string>{})
                                                                      : root_fd.error();
        return scan_directory(std::move(root_fd).value(), path,
                              [](std::string_view, const struct stat& st) { return S_ISDIR(st.st_mode); });
    });
}

Result<void> file_task_store::check_exists() const
{
    std::string path = root_.string();
    unique_fd fd(::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() >= 0)
        return boost::outcome_v2::success();
    if (errno == ENOENT)
        return make_error(EngineErrorCode::not_found, source, "store_not_found",
                          "No task store at " + path + ": the directory does not exist", {{"path", path}});
    return io_error("open", path, errno);
}

Result<void> file_task_store::remove(std::string_view project, std::string_view id)
{
    // Under the write lock, as remove_if: a replace_if that judged the document
    // before this removal then cannot write it back after it.
    BOOST_OUTCOME_TRYV(remove_if(project, id, {0, []() -> Result<bool> { return true; }}));
    return boost::outcome_v2::success();
}

} // namespace agent_engine
