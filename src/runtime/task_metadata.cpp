#include <agent_engine/core/conversion.hpp>
#include <agent_engine/runtime/task_metadata.hpp>

#include <array>
#include <optional>

namespace agent_engine {
namespace {

// A checkpoint as save_checkpoint and the Python original lay it out: task_id,
// status and pipeline_id come before the stage results and the routing trace,
// created_at and updated_at are the last members. The metadata is read from
// those ends only: the text with its middle members cut out, which is itself a
// JSON object. The cuts are found by scanning the text as JSON, without checking
// it; the shortened text is then read in full, so what was kept is checked.
constexpr std::array<std::string_view, 5> metadata_keys = {"task_id", "status", "pipeline_id", "created_at",
                                                           "updated_at"};
constexpr unsigned all_keys = (1u << metadata_keys.size()) - 1;
constexpr unsigned head_keys = 0b00111; // task_id, status, pipeline_id

constexpr std::size_t npos = std::string_view::npos;

unsigned key_bit(std::string_view raw_key)
{
    for (std::size_t i = 0; i < metadata_keys.size(); ++i)
        if (metadata_keys[i] == raw_key)
            return 1u << i;
    return 0; // another key, or one spelled with escapes: read whole
}

bool is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Ends a number or literal (scanned as a run of other bytes).
bool ends_scalar(char c) { return is_ws(c) || c == ',' || c == ':' || c == '"' || c == '[' || c == ']' || c == '{' || c == '}'; }

std::size_t skip_ws(std::string_view text, std::size_t pos)
{
    while (pos < text.size() && is_ws(text[pos]))
        ++pos;
    return pos;
}

// The last non-whitespace position before `pos`, or npos.
std::size_t last_before(std::string_view text, std::size_t pos)
{
    while (pos > 0 && is_ws(text[pos - 1]))
        --pos;
    return pos == 0 ? npos : pos - 1;
}

// Past the closing quote of the string opening at `quote`, or npos.
std::size_t string_end(std::string_view text, std::size_t quote)
{
    for (std::size_t pos = quote + 1; pos < text.size(); ++pos) {
        if (text[pos] == '\\')
            ++pos;
        else if (text[pos] == '"')
            return pos + 1;
    }
    return npos;
}

// Past the value starting at `pos`, or npos.
std::size_t value_end(std::string_view text, std::size_t pos)
{
    if (pos >= text.size())
        return npos;
    if (text[pos] == '"')
        return string_end(text, pos);
    if (text[pos] != '{' && text[pos] != '[') {
        while (pos < text.size() && !ends_scalar(text[pos]))
            ++pos;
        return pos;
    }
    std::size_t depth = 0;
    for (; pos < text.size(); ++pos) {
        char c = text[pos];
        if (c == '"') {
            pos = string_end(text, pos);
            if (pos == npos)
                return npos;
            --pos;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return pos + 1;
        }
    }
    return npos;
}

// The opening quote of the string whose closing quote is at `quote`: the first
// quote before it that no odd run of backslashes escapes. npos if none.
std::size_t string_start(std::string_view text, std::size_t quote)
{
    for (std::size_t pos = quote; pos-- > 0;) {
        if (text[pos] != '"')
            continue;
        std::size_t backslashes = 0;
        while (backslashes < pos && text[pos - 1 - backslashes] == '\\')
            ++backslashes;
        if (backslashes % 2 == 0)
            return pos;
    }
    return npos;
}

struct cut {
    std::size_t head_end = 0;   // the kept text is [0, head_end) of the head
    std::size_t tail_start = 0; // + [tail_start, end) of the tail: a ',' before a kept member, or the closing '}'
    unsigned keys = 0;          // the metadata keys seen in what is kept
};

// Reads members from the front until task_id, status and pipeline_id are seen
// and the next member holds an object or array; the head ends before that one.
// False if the text is not laid out so (an object of scalars alone is read whole).
bool scan_head(std::string_view text, cut& c)
{
    std::size_t pos = skip_ws(text, 0);
    if (pos == text.size() || text[pos] != '{')
        return false;
    c.head_end = pos + 1;
    pos = skip_ws(text, pos + 1);
    while (pos < text.size() && text[pos] == '"') {
        std::size_t key_end = string_end(text, pos);
        if (key_end == npos)
            return false;
        std::string_view key = text.substr(pos + 1, key_end - pos - 2);
        pos = skip_ws(text, key_end);
        if (pos == text.size() || text[pos] != ':')
            return false;
        pos = skip_ws(text, pos + 1);
        if ((c.keys & head_keys) == head_keys && pos < text.size() && (text[pos] == '{' || text[pos] == '['))
            return true;
        c.keys |= key_bit(key);
        pos = value_end(text, pos);
        if (pos == npos)
            return false;
        c.head_end = pos;
        pos = skip_ws(text, pos);
        if (pos == text.size() || text[pos] != ',')
            return false;
        pos = skip_ws(text, pos + 1);
    }
    return false;
}

// Reads members from the back while their values are scalars, not going below
// `floor`; the tail starts where the last of them does. False if the text does
// not end as an object.
bool scan_tail(std::string_view text, std::size_t floor, cut& c)
{
    std::size_t close = last_before(text, text.size());
    if (close == npos || text[close] != '}')
        return false;
    c.tail_start = close;
    while (true) {
        std::size_t last = last_before(text, c.tail_start);
        if (last == npos || last < floor)
            return true;
        if (text[last] == '}' || text[last] == ']')
            return true; // a container: the middle ends here
        std::size_t value_start = last;
        if (text[last] == '"')
            value_start = string_start(text, last);
        else
            while (value_start > 0 && !ends_scalar(text[value_start - 1]))
                --value_start;
        std::size_t colon = value_start == npos ? npos : last_before(text, value_start);
        if (colon == npos || text[colon] != ':')
            return true;
        std::size_t key_close = last_before(text, colon);
        if (key_close == npos || text[key_close] != '"')
            return true;
        std::size_t key_open = string_start(text, key_close);
        std::size_t comma = key_open == npos ? npos : last_before(text, key_open);
        if (comma == npos || text[comma] != ',' || comma < floor)
            return true;
        c.keys |= key_bit(text.substr(key_open + 1, key_close - key_open - 1));
        c.tail_start = comma;
    }
}

// The metadata from a document's head (a prefix of it) and tail (a suffix; the
// same text when the document is whole), or nothing when they do not hold it
// laid out as a saved checkpoint, or what they hold is not JSON (an error the
// whole text reports, with its line and column).
std::optional<Result<TaskMetadata>> read_from_ends(std::string_view head, std::string_view tail, bool same_text)
{
    cut c;
    if (!scan_head(head, c) || !scan_tail(tail, same_text ? c.head_end : 0, c) || c.keys != all_keys)
        return std::nullopt;
    std::string kept;
    kept.reserve(c.head_end + tail.size() - c.tail_start);
    kept.append(head.substr(0, c.head_end)).append(tail.substr(c.tail_start));
    auto meta = decode_document<TaskMetadata>(kept);
    if (!meta && meta.error().code == EngineErrorCode::json)
        return std::nullopt;
    return meta;
}

// How much of each end of a stored checkpoint is read first: a Task's head is
// its id, spec and status, its tail a few timestamps.
constexpr std::size_t head_bytes = 64 * 1024;
constexpr std::size_t tail_bytes = 4 * 1024;

// The metadata of the stored checkpoint (project, id) from its ends as the store gave them.
Result<TaskMetadata> metadata_from_ends(const task_store& store, std::string_view project, std::string_view id,
                                        Result<document_ends> read)
{
    BOOST_OUTCOME_TRY(auto ends, std::move(read));
    auto meta = [&]() -> Result<TaskMetadata> {
        if (ends.whole)
            return read_task_metadata(ends.head);
        if (auto from_ends = read_from_ends(ends.head, ends.tail, false))
            return std::move(*from_ends);
        // The ends did not hold it: the whole document, read as it is decoded
        // (a window at a time, never reserved whole).
        BOOST_OUTCOME_TRY(auto document, store.open(project, id));
        return decode_document<TaskMetadata>(*document.text);
    }();
    if (!meta)
        return with_location(std::move(meta).error(), store.location(project, id));
    return meta;
}

} // namespace

Result<TaskMetadata> read_task_metadata(std::string_view json_text)
{
    if (auto meta = read_from_ends(json_text, json_text, true))
        return std::move(*meta);
    return decode_document<TaskMetadata>(json_text);
}

Result<TaskMetadata> read_stored_task_metadata(const task_store& store, std::string_view project, std::string_view id)
{
    return metadata_from_ends(store, project, id, store.get_ends(project, id, head_bytes, tail_bytes));
}

void for_each_stored_task_metadata(const task_store& store, std::string_view project,
                                   std::span<const std::string> ids,
                                   const std::function<void(std::size_t, Result<TaskMetadata>)>& f)
{
    store.for_each_ends(project, ids, head_bytes, tail_bytes, [&](std::size_t i, Result<document_ends> ends) {
        f(i, metadata_from_ends(store, project, ids[i], std::move(ends)));
    });
}

} // namespace agent_engine
