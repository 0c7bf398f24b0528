// Bounded work on hostile files: a checkpoint over the store's size limit is
// refused before a byte of it is read, and one under it whose text goes wrong
// (a hole of NUL bytes) costs one window of reading, on every read path. The
// bounds are counted in the process's own terms: bytes the kernel handed to
// read calls (/proc/self/io rchar) and bytes allocated (a counting operator new),
// never time.

#include <boost/test/unit_test.hpp>

#include "allocation_counter.hpp"
#include "versions.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>

using namespace reliability;
namespace fs = std::filesystem;

namespace {

// Bytes this process has read through read(2)/pread(2) so far.
std::uint64_t bytes_read()
{
    std::ifstream io("/proc/self/io");
    std::string key;
    std::uint64_t value = 0;
    while (io >> key >> value)
        if (key == "rchar:")
            return value;
    BOOST_FAIL("no rchar in /proc/self/io");
    return 0;
}

// What `f` read and allocated at its peak.
struct cost {
    std::uint64_t read = 0;
    std::size_t peak_allocated = 0;
};
template <class F> cost cost_of(F&& f)
{
    std::uint64_t before = bytes_read();
    allocation_counter::scope counting;
    f();
    cost c{bytes_read() - before, counting.peak()};
    BOOST_TEST_MESSAGE("read " << c.read << " bytes, allocated at most " << c.peak_allocated << " bytes");
    return c;
}

// A saved checkpoint of task-p-1 followed by `hole` bytes that take no disk (zeros).
fs::path checkpoint_with_hole(const fs::path& root, std::uint64_t hole)
{
    TaskManager tm(root);
    BOOST_REQUIRE(tm.create_task(spec_of("p"), "pipe", "task-p-1").has_value());
    auto path = tm.save_checkpoint("task-p-1");
    BOOST_REQUIRE(path.has_value());
    BOOST_REQUIRE(::truncate(path.value().c_str(), static_cast<off_t>(fs::file_size(path.value()) + hole)) == 0);
    return path.value();
}

void expect_too_large(const EngineError& e, const fs::path& path, std::size_t limit)
{
    BOOST_TEST(e.code == EngineErrorCode::io);
    BOOST_TEST(e.error_id == "document_too_large");
    BOOST_TEST(e.message.find(path.string()) != std::string::npos, e.message);
    BOOST_TEST(e.message.find(std::to_string(limit)) != std::string::npos, e.message);
}

constexpr std::uint64_t two_gib = std::uint64_t{2} << 30;

template <class R> EngineErrorCode code_of(const R& r) { return r ? EngineErrorCode::unknown : r.error().code; }

} // namespace

BOOST_AUTO_TEST_CASE(a_checkpoint_over_the_limit_is_refused_unread_on_every_path)
{
    fixtures::temp_dir tmp("bounds_sparse");
    fs::path path = checkpoint_with_hole(tmp.path(), two_gib); // over the default 1 GiB
    TaskManager tm(tmp.path());
    auto c = cost_of([&] {
        expect_too_large(tm.get_task_metadata("task-p-1").error(), path, default_max_document_bytes);
        expect_too_large(tm.load_checkpoint("task-p-1").error(), path, default_max_document_bytes);
        expect_too_large(tm.store().get("p", "task-p-1").error(), path, default_max_document_bytes);
        auto page = tm.list_task_metadata("p").value();
        BOOST_TEST(page.tasks.empty());
        BOOST_REQUIRE_EQUAL(page.skipped.size(), 1u);
        expect_too_large(page.skipped[0], path, default_max_document_bytes);
    });
    BOOST_TEST(c.read <= cost_of([] {}).read); // what reading /proc/self/io itself costs
    BOOST_TEST(c.peak_allocated < 256u * 1024, c.peak_allocated);
    // A save over the limit writes nothing.
    file_task_store small(tmp.path(), {.durable = false, .max_document_bytes = 100});
    auto put = small.put("p", "task-p-2", std::string(101, ' '));
    expect_too_large(put.error(), tmp.path() / "p" / "task-p-2.json", 100);
    BOOST_TEST(!fs::exists(tmp.path() / "p" / "task-p-2.json"));
}

BOOST_AUTO_TEST_CASE(the_limit_is_the_stores_own)
{
    fixtures::temp_dir tmp("bounds_limit");
    fs::path path = checkpoint_with_hole(tmp.path(), 0);
    std::size_t size = fs::file_size(path);
    task_manager_options at_size, below;
    at_size.max_document_bytes = size;
    below.max_document_bytes = size - 1;
    BOOST_TEST(TaskManager(tmp.path(), at_size).load_checkpoint("task-p-1").has_value());
    BOOST_TEST(TaskManager(tmp.path(), at_size).get_task_metadata("task-p-1").has_value());
    TaskManager small(tmp.path(), below);
    expect_too_large(small.load_checkpoint("task-p-1").error(), path, size - 1);
    expect_too_large(small.get_task_metadata("task-p-1").error(), path, size - 1);
}

// Under the limit, a hole after the checkpoint is text that is not JSON: the
// reader stops at its first byte, whatever its size.
BOOST_AUTO_TEST_CASE(a_hole_under_the_limit_costs_one_window_on_every_path)
{
    fixtures::temp_dir tmp("bounds_hole");
    fs::path path = checkpoint_with_hole(tmp.path(), default_max_document_bytes / 2);
    TaskManager tm(tmp.path());
    auto c = cost_of([&] {
        auto meta = tm.get_task_metadata("task-p-1");
        BOOST_TEST(code_of(meta) == EngineErrorCode::json);
        BOOST_TEST(code_of(tm.load_checkpoint("task-p-1")) == EngineErrorCode::json);
        BOOST_TEST(tm.list_task_metadata("p").value().skipped.size() == 1u);
    });
    BOOST_TEST(c.read < 1024u * 1024, c.read);
    BOOST_TEST(c.peak_allocated < 1024u * 1024, c.peak_allocated);
}

// A stage output that is a 1 GiB run of NUL bytes (a hole) between a saved
// checkpoint's ends: the metadata reads the ends only and lists the task; the
// load stops at the first NUL.
BOOST_AUTO_TEST_CASE(a_gigabyte_value_between_the_ends_is_never_read_whole)
{
    fixtures::temp_dir tmp("bounds_value");
    TaskManager tm(tmp.path(), [] {
        task_manager_options o;
        o.durable = false;
        o.max_document_bytes = two_gib;
        return o;
    }());
    BOOST_REQUIRE(tm.create_task(spec_of("p"), "pipe", "task-p-1").has_value());
    set_version(tm, "task-p-1", "small", 10);
    std::string text = to_json(*tm.get_task("task-p-1"));
    std::size_t blob = text.find("sssssssss");
    BOOST_REQUIRE(blob != std::string::npos);
    fs::path path = tmp.path() / "p" / "task-p-1.json";
    fs::create_directories(path.parent_path());
    {
        std::ofstream out(path, std::ios::binary);
        out << text.substr(0, blob);
        out.seekp(static_cast<std::streamoff>(blob + (std::uint64_t{1} << 30)));
        out << text.substr(blob + 10);
    }
    auto c = cost_of([&] {
        auto meta = tm.get_task_metadata("task-p-1");
        BOOST_REQUIRE(meta.has_value());
        BOOST_TEST(meta.value().pipeline_id == "pipe");
        BOOST_TEST(tm.list_task_metadata("p").value().tasks.size() == 1u);
        auto loaded = tm.load_checkpoint("task-p-1");
        BOOST_TEST(code_of(loaded) == EngineErrorCode::json);
    });
    BOOST_TEST(c.read < 1024u * 1024, c.read);
    BOOST_TEST(c.peak_allocated < 1024u * 1024, c.peak_allocated);
}

// A document that grows past the limit after it was opened is cut off there.
BOOST_AUTO_TEST_CASE(a_document_growing_while_read_stops_at_the_limit)
{
    fixtures::temp_dir tmp("bounds_growing");
    std::string doc = R"({"a": ")" + std::string(1000, 'x');
    file_task_store store(tmp.path(), {.durable = false, .max_document_bytes = 2000});
    BOOST_REQUIRE(store.put("p", "task-p-1", doc));
    auto opened = store.open("p", "task-p-1");
    BOOST_REQUIRE(opened.has_value());
    {
        std::ofstream grow(tmp.path() / "p" / "task-p-1.json", std::ios::binary | std::ios::app);
        grow << std::string(5000, 'x') << "\"}";
    }
    auto read = from_json<boost::json::value>(*opened.value().text);
    BOOST_REQUIRE(!read.has_value());
    expect_too_large(read.error(), tmp.path() / "p" / "task-p-1.json", 2000);
}
