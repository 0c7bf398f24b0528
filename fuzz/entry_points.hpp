#ifndef AGENT_ENGINE_FUZZ_ENTRY_POINTS_HPP
#define AGENT_ENGINE_FUZZ_ENTRY_POINTS_HPP

// What the fuzzers feed arbitrary bytes to, shared with the ctest that replays
// fuzz/regressions/ (so every input a fuzzer found keeps being checked with any
// compiler). Each entry point must return normally for every input: an error
// value is fine; a crash, a sanitizer report, an exception or a broken
// invariant (checked with `expect`, which aborts) is a bug.

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/core/text_reader.hpp>
#include <agent_engine/runtime/task_manager.hpp>

#include <unistd.h>

#include <boost/uuid/uuid.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace agent_engine::fuzz {

inline void expect(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "broken invariant: %s\n", what);
        std::abort();
    }
}

// The bytes handed out a few at a time, so that tokens straddle the reader's window.
class piecewise_source final : public text_source {
    std::string_view text_;
    std::size_t piece_;

public:
    piecewise_source(std::string_view text, std::size_t piece) noexcept : text_(text), piece_(piece) {}
    Result<std::size_t> read(std::uint64_t offset, char* out, std::size_t size) const override
    {
        if (offset >= text_.size())
            return std::size_t(0);
        std::size_t n = std::min({size, piece_, text_.size() - static_cast<std::size_t>(offset)});
        std::copy_n(text_.data() + offset, n, out);
        return n;
    }
};

// How many object members a value holds, at any depth: in text, a repeated key
// counts each time; a DOM holds it once.
inline std::size_t members_in(text_reader& r)
{
    std::size_t n = 0;
    switch (r.kind()) {
    case boost::json::kind::object: r.for_each_member([&](std::string_view) { n += 1 + members_in(r); }); break;
    case boost::json::kind::array: r.for_each_element([&](std::size_t) { n += members_in(r); }); break;
    default: r.skip();
    }
    return n;
}
inline std::size_t members_in(const boost::json::value& v)
{
    std::size_t n = 0;
    if (auto const* o = v.if_object())
        for (auto const& m : *o)
            n += 1 + members_in(m.value());
    else if (auto const* a = v.if_array())
        for (auto const& e : *a)
            n += members_in(e);
    return n;
}

// An error's details as text: an input NaN is equal to itself there, not as a double.
inline std::string details_text(const EngineError& e)
{
    return e.details ? serialize(boost::json::value(*e.details)) : std::string();
}

// from_json<T> on the bytes; read in pieces, the same value or error; whatever
// it accepts, from_dict accepts too, and it writes back to text that reads to the
// same value. Text that repeats a key is compared with from_dict through the DOM's
// own text: in a map, JSON text has every occurrence checked (pydantic's json
// mode), which a DOM, holding the last, cannot; such text is then only never
// more lenient than its DOM.
template <class T> void reads_consistently(std::string_view bytes)
{
    auto streamed = from_json<T>(bytes);
    auto pieces = from_json<T>(piecewise_source(bytes, 1 + bytes.size() % 13));
    expect(streamed.has_value() == pieces.has_value(), "reading in pieces accepts differently");
    if (streamed)
        expect(to_json(streamed.value()) == to_json(pieces.value()), "reading in pieces reads another value");
    else
        expect(streamed.error().message == pieces.error().message &&
                   details_text(streamed.error()) == details_text(pieces.error()),
               "reading in pieces reports differently");
    auto dom = parse_json(bytes);
    if (!dom) {
        expect(!streamed && streamed.error().code == EngineErrorCode::json, "from_json accepted what parse_json rejects");
        return;
    }
    auto built = from_dict<T>(dom.value(), {.mode = input_mode::json}); // worded as from_json words it
    text_reader counter(bytes);
    if (members_in(counter) != members_in(dom.value())) {
        expect(built.has_value() || !streamed.has_value(), "from_json accepted a repeated key from_dict refuses");
        if (streamed)
            expect(to_json(streamed.value()) == to_json(built.value()), "from_json and from_dict read another value");
        streamed = from_json<T>(serialize(dom.value()));
    }
    expect(streamed.has_value() == built.has_value(), "from_json and from_dict disagree");
    if (!streamed) {
        // The same errors, in the same order, and the same message.
        auto errors_of = [](const EngineError& e) {
            return e.details && e.details->contains("errors") ? serialize(e.details->at("errors")) : std::string();
        };
        expect(errors_of(streamed.error()) == errors_of(built.error()), "from_json and from_dict report differently");
        expect(streamed.error().message == built.error().message, "from_json and from_dict word it differently");
        return;
    }
    std::string written = to_json(streamed.value(), json_format::compact());
    auto reread = from_json<T>(written);
    expect(reread.has_value(), "a written value does not read back");
    expect(to_json(reread.value(), json_format::compact()) == written, "a value does not round-trip");
}

inline void task_from_json(std::string_view bytes)
{
    reads_consistently<Task>(bytes);
}

// Issue 19's standard types, each in a member, an optional, a list and a map:
// their parsers (dates, times, durations, UUIDs, bytes, base64) meet arbitrary text and numbers.
struct StandardTypes {
    std::chrono::sys_time<std::chrono::microseconds> at{};
    std::chrono::sys_seconds at_seconds{};
    std::chrono::year_month_day day{std::chrono::year{1970}, std::chrono::January, std::chrono::day{1}}; // a valid date
    std::chrono::microseconds took{};
    std::chrono::duration<int, std::milli> short_wait{};
    time_of_day opens;
    std::optional<std::chrono::seconds> maybe;
    std::vector<std::chrono::nanoseconds> steps;
    ordered_map<std::string, time_of_day> hours;
    std::set<std::int64_t> ids;
    std::tuple<std::int64_t, std::string, double> point;
    std::array<std::chrono::minutes, 2> window{};
    boost::uuids::uuid id{};
    std::filesystem::path file;
    std::map<std::int64_t, std::chrono::hours> by_id;
    std::map<boost::uuids::uuid, std::chrono::year_month_day> by_uuid;
    frozen_set<std::int64_t> frozen;
    std::vector<std::byte> data;
    std::vector<std::vector<std::byte>> chunks;
    base64_bytes key;
    std::optional<base64url_bytes> token;
    std::vector<base64_bytes> keys;
    boost::uuids::uuid run{{0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 0}}; // a version 4 UUID, so that the default reads back
};
BOOST_DESCRIBE_STRUCT(StandardTypes, (),
                      (at, at_seconds, day, took, short_wait, opens, maybe, steps, hours, ids, point, window, id, file,
                       by_id, by_uuid, frozen, data, chunks, key, token, keys, run))
AGENT_ENGINE_CONSTRAINTS(StandardTypes, run, uuid_version(4))
AGENT_ENGINE_CONSTRAINTS(StandardTypes, data, max_length(64))
AGENT_ENGINE_CONSTRAINTS(StandardTypes, key, strict(), max_length(48))

inline void standard_types_from_json(std::string_view bytes)
{
    reads_consistently<StandardTypes>(bytes);
}

// The metadata reader on the bytes agrees with from_json<TaskMetadata> on the
// whole text, except that it may accept text that is not JSON only between or
// after the ends it reads (see read_task_metadata). A metadata key written twice, or spelled with
// an escape, may also be read from another place, so such texts are not compared.
inline void task_metadata(std::string_view bytes)
{
    auto meta = read_task_metadata(bytes);
    auto whole = from_json<TaskMetadata>(bytes, stored_document_options); // worded as a stored document is
    if (!meta && meta.error().code == EngineErrorCode::json)
        expect(!whole && whole.error().message == meta.error().message, "a json error the whole text does not have");
    bool comparable = bytes.find("\\u") == std::string_view::npos;
    for (std::string_view key : {"\"task_id\"", "\"status\"", "\"pipeline_id\"", "\"created_at\"", "\"updated_at\""})
        if (auto first = bytes.find(key); first != std::string_view::npos && bytes.find(key, first + 1) != bytes.npos)
            comparable = false;
    if (!comparable)
        return;
    if (whole)
        expect(meta && to_json(meta.value()) == to_json(whole.value()), "the metadata differs from the whole text's");
    else if (whole.error().code == EngineErrorCode::validation)
        expect(!meta && meta.error().message == whole.error().message, "the metadata is checked differently");
}

// The bytes as a checkpoint file under a store root, read through TaskManager:
// load, metadata and the project listing. Every failure must be a value.
inline void load_checkpoint_file(std::string_view bytes)
{
    // One scratch root per process, removed when the process exits normally.
    static const struct scratch_root {
        std::filesystem::path path =
            std::filesystem::temp_directory_path() / ("agent_engine_fuzz_" + std::to_string(::getpid()));
        ~scratch_root()
        {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    } scratch;
    const std::filesystem::path& root = scratch.path;
    const std::string id = "task-fuzz-1";
    std::filesystem::create_directories(root / "fuzz");
    std::ofstream(root / "fuzz" / (id + ".json"), std::ios::binary | std::ios::trunc)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    task_manager_options options;
    options.durable = false;
    TaskManager tm(root, options);
    auto loaded = tm.load_checkpoint(id);
    auto meta = tm.get_task_metadata(id);
    expect(!loaded || meta.has_value(), "a loadable checkpoint has no metadata");
    auto page = tm.list_task_metadata("fuzz");
    expect(page.has_value(), "listing a project failed");
    expect(page.value().tasks.size() + page.value().skipped.size() == 1, "the checkpoint is neither listed nor skipped");
    if (loaded)
        expect(tm.save_checkpoint(id).has_value() && tm.load_checkpoint(id).has_value(), "a loaded task does not save");
}

} // namespace agent_engine::fuzz

#endif
