#ifndef AGENT_ENGINE_RUNTIME_TASK_STORE_HPP
#define AGENT_ENGINE_RUNTIME_TASK_STORE_HPP

// task_store: the storage seam. Everything that persists documents (TaskManager,
// the project history queries, agent-tasks) reaches storage only through this
// interface, so another store (a database, an object store) can be added
// without touching the schemas or the manager's API.
//
// A store holds byte documents keyed by (project, id). Both keys must pass
// is_safe_name / is_safe_task_id (project_id.hpp); a store refuses others with
// code `security` and touches nothing. Failures are values: not_found, security,
// io; nothing throws for bad data or a failing disk.

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/core/result.hpp>
#include <agent_engine/runtime/project_id.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace agent_engine {

class task_metadata_index; // task_history.hpp

// The largest document a store keeps by default: 1 GiB, PostgreSQL's limit on
// one value, so that every store can hold what another holds. A store refuses
// to write a larger document and to read one (without reading it).
inline constexpr std::size_t default_max_document_bytes = std::size_t{1} << 30;

// How far a long operation over many documents has got, for a caller that shows
// progress: called with done == 0 before the first of the `total` items of a
// step ("read", "remove", "copy"), then after each item.
using progress_callback = std::function<void(std::string_view step, std::size_t done, std::size_t total)>;

// A document's bytes with its version (see task_store::put_versioned).
struct versioned_document {
    std::string bytes;
    std::int64_t version = 0;
};

// A document to read as it is decoded (see task_store::open), with its version.
struct document_stream {
    std::unique_ptr<text_source> text;
    std::int64_t version = 0;
};

// A document's first and last bytes (see task_store::get_ends).
struct document_ends {
    std::string head;
    std::string tail;
    bool whole = false; // the document was short enough to come whole, in `head`
};

// Where a versioned put went and the document's new version.
struct versioned_put {
    std::string location;
    std::int64_t version = 0;
};

// What a conditional removal or replacement checks against the document as it
// is when removed or replaced (see task_store::remove_if, replace_if): a store
// with versions, that it is still at
// `version`; a store without, that `still_wanted()` says yes while the store
// holds the document's write lock.
struct removal_check {
    std::int64_t version = 0;
    std::function<Result<bool>()> still_wanted;
};

class task_store {
public:
    virtual ~task_store() = default;

    // Stores `bytes` as the document (project, id), replacing any previous one
    // atomically: a reader sees the old or the new document, never a mix.
    // Returns where it went (for the file store, the file's path).
    virtual Result<std::string> put(std::string_view project, std::string_view id, std::string_view bytes) = 0;

    // The document's bytes; not_found when there is none.
    virtual Result<std::string> get(std::string_view project, std::string_view id) const = 0;

    // Sorted ids of the project's documents; an unknown project has none.
    virtual Result<std::vector<std::string>> list(std::string_view project) const = 0;

    // Sorted names of the projects that exist.
    virtual Result<std::vector<std::string>> list_projects() const = 0;

    // Deletes the document; not_found when there is none.
    virtual Result<void> remove(std::string_view project, std::string_view id) = 0;

    // Deletes the document only if it is still the one the caller judged
    // (`check`), so that a put landing after the caller read it is never lost:
    // true when removed, false when kept because it changed, not_found when
    // there is none. The default asks still_wanted() then removes, which a put
    // between the two can slip past: a store shared by several writers overrides it.
    virtual Result<bool> remove_if(std::string_view project, std::string_view id, const removal_check& check);

    // Replaces the document with `bytes` (atomically, as put) only if it is still
    // the one the caller judged (`check`, as remove_if), so that a put landing
    // after the caller read it is never overwritten: true when replaced, false
    // when kept because it changed. The default asks still_wanted() then puts,
    // which a put between the two can slip past: a store shared by several
    // writers overrides it.
    virtual Result<bool> replace_if(std::string_view project, std::string_view id, std::string_view bytes,
                                    const removal_check& check);

    // Where the document (project, id) lives, for messages and error details.
    virtual std::string location(std::string_view project, std::string_view id) const = 0;

    // Success when the store is there to be read; not_found naming it when it is
    // not, so that a reader can tell an empty store from a mistyped one (reads of
    // a missing store otherwise find nothing, as in an empty one). The default
    // says yes: a store that connects somewhere finds out when it opens.
    virtual Result<void> check_exists() const { return boost::outcome_v2::success(); }

    // Compare-and-swap, for stores that version their documents (each put of a
    // document numbers it 1, 2, 3...; 0 means "no document"). With an
    // expected_version the put happens only if the stored version is that one,
    // else it is a validation error "version_conflict" and nothing is written.
    // Stores without versions report version 0 and refuse expected versions.
    virtual Result<versioned_put> put_versioned(std::string_view project, std::string_view id, std::string_view bytes,
                                                std::optional<std::int64_t> expected_version);
    virtual Result<versioned_document> get_versioned(std::string_view project, std::string_view id) const;

    // The document as a text_source, with its version: decoding reads it piece by
    // piece, so a large document is never held whole in memory. not_found when
    // there is none. The default gets it whole (get_versioned); the file store
    // reads the file it opened (a later put renames another file in its place).
    virtual Result<document_stream> open(std::string_view project, std::string_view id) const;

    // The document's first `head` and last `tail` bytes, read together (from one
    // version of it), for a reader that needs only its ends; a document no
    // longer than head + tail comes whole. The default reads it whole.
    virtual Result<document_ends> get_ends(std::string_view project, std::string_view id, std::size_t head,
                                           std::size_t tail) const;

    // get_ends of each of `ids` (documents of one project), handed to `f` with its
    // index in `ids`, in order. The default calls get_ends for each; the file
    // store opens the project's directory once for all of them.
    using ends_visitor = std::function<void(std::size_t index, Result<document_ends> ends)>;
    virtual void for_each_ends(std::string_view project, std::span<const std::string> ids, std::size_t head,
                               std::size_t tail, const ends_visitor& f) const;

    // A store that keeps each document's metadata in an index answers history
    // queries from it (task_history.hpp); nullptr: they read every document.
    virtual const task_metadata_index* metadata_index() const noexcept { return nullptr; }
};

// Success when `project` is a safe store key (is_safe_name), else a security error.
inline Result<void> check_project_key(std::string_view project)
{
    if (is_safe_name(project))
        return boost::outcome_v2::success();
    return make_error(EngineErrorCode::security, EngineErrorSource::task_manager, "unsafe_project_id",
                      "Project id is not a safe directory name: '" + std::string(project) + "'",
                      {{"project_id", project}});
}

// Success when `id` is a safe document key (is_safe_task_id), else a security error.
inline Result<void> check_document_key(std::string_view id)
{
    if (is_safe_task_id(id))
        return boost::outcome_v2::success();
    return make_error(EngineErrorCode::security, EngineErrorSource::task_manager, "unsafe_task_id",
                      "Task id is not a safe file name: '" + std::string(id) + "'", {{"task_id", id}});
}

// Bytes, or a text_source, to a schema: the one place a stored document is
// decoded. Its errors are worded as the Python original's load worded them:
// model_validate(json.load(f)), pydantic's python mode.
inline constexpr read_options stored_document_options{.mode = input_mode::python};
template <class T> Result<T> decode_document(std::string_view bytes)
{
    return from_json<T>(bytes, stored_document_options);
}
template <class T> Result<T> decode_document(const text_source& text)
{
    return from_json<T>(text, stored_document_options);
}

// `value` as a load of its document returns it: written and read back by
// decode_document, so that the schema's own reading (str values stripped under
// AGENT_ENGINE_STR_STRIP_WHITESPACE, map keys that strip alike merged, a NaN in
// a free-form value read back as None) is applied by the one rule that loads apply, never
// re-implemented here. A value that would not load: its validation errors.
template <class T> Result<T> as_loaded(const T& value)
{
    return decode_document<T>(to_json(value, json_format::compact()));
}

// The bytes to store for `value`: those of as_loaded(value), so that what a save
// writes is exactly what a load of it returns, and saving that writes the same bytes.
// Most values are as loaded already: their text is written once and read back
// once, and kept unless the read changed something (from_json_normalized); only
// then is the value read written again.
template <class T> Result<std::string> encode_document(const T& value, json_format format = json_format::pretty())
{
    std::string text = to_json(value, format);
    T loaded{};
    auto normalized = from_json_normalized(text, loaded, stored_document_options);
    if (!normalized) { // refused, with as_loaded's errors: they place a syntax error in the compact text
        auto refused = as_loaded(value);
        return refused ? std::move(normalized).error() : std::move(refused).error();
    }
    if (!normalized.value())
        return text;
    return to_json(loaded, format);
}

// A document over a store's limit, refused before it is read or written (code
// io, as a file too large for the disk is). `operation`: "read" or "save".
inline EngineError document_too_large(std::string_view operation, const std::string& location, std::uint64_t size,
                                      std::size_t limit)
{
    return make_error(EngineErrorCode::io, EngineErrorSource::task_manager, "document_too_large",
                      "Cannot " + std::string(operation) + " " + location + ": the document is " +
                          std::to_string(size) + " bytes, more than the store's limit of " + std::to_string(limit) +
                          " bytes (max_document_bytes)",
                      {{"path", location}, {"size", size}, {"max_document_bytes", limit}});
}

// Names the document's location in an error about it: in its details (`path`)
// and in its message, unless the message names it already. A one-line message
// becomes "{location}: {message}"; a report over several lines (pydantic's
// ValidationError text) gets "{location}:" as a line of its own above it, so the
// report stays as pydantic prints it.
inline EngineError with_location(EngineError e, std::string location)
{
    if (e.message.find(location) == std::string::npos)
        e.message = location + (e.message.find('\n') == std::string::npos ? ": " : ":\n") + e.message;
    if (!e.details)
        e.details.emplace();
    e.details->insert_or_assign("path", std::move(location));
    return e;
}

// Decodes a document read from (project, id), as bytes or as a text_source;
// json and validation errors name its location (see with_location).
template <class T, class Text>
Result<T> decode_stored(const task_store& store, std::string_view project, std::string_view id, const Text& text)
{
    auto decoded = decode_document<T>(text);
    if (!decoded)
        return with_location(std::move(decoded).error(), store.location(project, id));
    return decoded;
}

// Reads and decodes a document of schema T; json and validation errors name its location.
template <class T> Result<T> get_document(const task_store& store, std::string_view project, std::string_view id)
{
    BOOST_OUTCOME_TRY(auto document, store.open(project, id));
    return decode_stored<T>(store, project, id, *document.text);
}

// Encodes (encode_document) and stores a document of schema T.
template <class T>
Result<std::string> put_document(task_store& store, std::string_view project, std::string_view id, const T& value,
                                 json_format format = json_format::pretty())
{
    BOOST_OUTCOME_TRY(auto bytes, encode_document(value, format));
    return store.put(project, id, bytes);
}

inline Result<bool> task_store::remove_if(std::string_view project, std::string_view id, const removal_check& check)
{
    BOOST_OUTCOME_TRY(bool wanted, check.still_wanted());
    if (!wanted)
        return false;
    BOOST_OUTCOME_TRYV(remove(project, id));
    return true;
}

inline Result<bool> task_store::replace_if(std::string_view project, std::string_view id, std::string_view bytes,
                                           const removal_check& check)
{
    BOOST_OUTCOME_TRY(bool wanted, check.still_wanted());
    if (!wanted)
        return false;
    BOOST_OUTCOME_TRYV(put(project, id, bytes));
    return true;
}

inline Result<versioned_put> task_store::put_versioned(std::string_view project, std::string_view id,
                                                      std::string_view bytes, std::optional<std::int64_t> expected_version)
{
    if (expected_version)
        return make_error(EngineErrorCode::validation, EngineErrorSource::task_manager, "versions_unsupported",
                          "This store keeps no versions; a compare-and-swap save needs one that does (PostgreSQL)",
                          {{"path", location(project, id)}});
    BOOST_OUTCOME_TRY(auto where, put(project, id, bytes));
    return versioned_put{std::move(where), 0};
}

inline Result<versioned_document> task_store::get_versioned(std::string_view project, std::string_view id) const
{
    BOOST_OUTCOME_TRY(auto bytes, get(project, id));
    return versioned_document{std::move(bytes), 0};
}

inline Result<document_stream> task_store::open(std::string_view project, std::string_view id) const
{
    BOOST_OUTCOME_TRY(auto document, get_versioned(project, id));
    return document_stream{std::make_unique<string_source>(std::move(document.bytes)), document.version};
}

inline Result<document_ends> task_store::get_ends(std::string_view project, std::string_view id, std::size_t head,
                                                  std::size_t tail) const
{
    BOOST_OUTCOME_TRY(auto bytes, get(project, id));
    if (bytes.size() <= head + tail)
        return document_ends{std::move(bytes), {}, true};
    document_ends ends{bytes.substr(0, head), bytes.substr(bytes.size() - tail), false};
    return ends;
}

inline void task_store::for_each_ends(std::string_view project, std::span<const std::string> ids, std::size_t head,
                                      std::size_t tail, const ends_visitor& f) const
{
    for (std::size_t i = 0; i < ids.size(); ++i)
        f(i, get_ends(project, ids[i], head, tail));
}

} // namespace agent_engine

#endif
