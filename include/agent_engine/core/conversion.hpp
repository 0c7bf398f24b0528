#ifndef AGENT_ENGINE_CORE_CONVERSION_HPP
#define AGENT_ENGINE_CORE_CONVERSION_HPP

// The entry points, for any type with a JSON rule:
//
//   boost::json::value to_dict(const T&, dump_options)   pydantic's model_dump(mode="json")
//   Result<T>          from_dict<T>(const json::value&)  pydantic's model_validate
//   std::string        to_json(const T&, json_format, dump_options)
//                                                        json.dumps(model_dump(...), indent=2)
//   Result<T>          from_json<T>(std::string_view)    straight from text, no DOM
//   Result<T>          from_json<T>(const text_source&)  the same, reading the text as it goes
//   Result<void>       from_dict(value, T& out), from_json(text, T& out): into an existing object
//   Result<bool>       from_json_normalized(text, T& out): the same, and whether the read changed anything
//   std::string        serialize(const json::value&, json_format)
//   Result<json::value> parse_json(std::string_view)
//
// Every read takes read_options last, defaulted: from_json<T>(text, {.max_errors = 10}).
// The writes take dump_options (core/dump_options.hpp), pydantic's by_alias,
// exclude_none, exclude_defaults: to_json(task, {.exclude_none = true}) writes
// indented text, to_json(task, json_format::compact(), {.by_alias = false}) compact.
//
// The reads of a versioned schema (AGENT_ENGINE_SCHEMA_VERSION, core/versioning.hpp)
// bring an older document forward first and refuse a newer one, so that no read
// of the type (these, the stores, TaskManager) can forget to; a document of the
// current version is read as fast as before. A read of another type over the
// same text (a metadata view, a schema holding it as a member) does not migrate.

#include <agent_engine/core/detail/dump_writer.hpp>
#include <agent_engine/core/dom_reader.hpp>
#include <agent_engine/core/dom_writer.hpp>
#include <agent_engine/core/read_options.hpp>
#include <agent_engine/core/result.hpp>
#include <agent_engine/core/rules.hpp>
#include <agent_engine/core/text_reader.hpp>
#include <agent_engine/core/text_writer.hpp>
#include <agent_engine/core/versioning.hpp>

#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace agent_engine {

template <class T> boost::json::value to_dict(const T& value)
{
    dom_writer w;
    rule_of<T>::write(w, value);
    return w.release();
}

// Overloads, not a defaulted argument: a program that names no option has no
// code for them. Compiled beside the plain write, that code made the compiler
// inline less of it (+5% instructions per write).
template <class T> boost::json::value to_dict(const T& value, const dump_options& options)
{
    dom_writer w;
    detail::dump_writer selecting(w, options);
    rule_of<T>::write(selecting, value);
    return w.release();
}

namespace detail {
// Reads `input` into `out`; the returned context holds every error found.
template <class T> validation_context read_dom(const boost::json::value& input, T& out, const read_options& options)
{
    validation_context ctx(options);
    dom_reader r(input);
    rule_of<T>::read(r, out, ctx);
    return ctx;
}
} // namespace detail

namespace detail {
// The member of `out` that holds its version (a versioned schema).
template <class T> auto& version_of(T& out) noexcept { return out.*(schema_model<T>::declared.member); }
} // namespace detail

namespace detail {
// What the value forms of from_dict / from_json need of T, said before the
// compiler's own complaint.
template <class T> constexpr void check_returnable() noexcept
{
    require_default_constructible<T>();
    static_assert(!std::is_same_v<T, EngineError>,
                  "agent_engine: Result<EngineError> cannot tell a value from an error; read an EngineError "
                  "with from_dict(input, out) or from_json(text, out), which fill `out` and return Result<void>.");
}

// The value forms of the reads: `read` fills the value the result already holds,
// so that it is not read into a local and then moved (one return of one named
// result: the copy is elided).
template <class T, class Read>
    requires std::is_default_constructible_v<T> && std::is_move_assignable_v<T>
Result<T> read_value(Read&& read)
{
    check_returnable<T>();
    Result<T> out{boost::outcome_v2::in_place_type<T>};
    if (Result<void> done = read(out.assume_value()); !done)
        out = std::move(done).error(); // assigning the result needs T assignable
    return out;
}
// A T that cannot be assigned is read into a local, moved into the result.
template <class T, class Read>
    requires std::is_default_constructible_v<T> && (!std::is_move_assignable_v<T>)
Result<T> read_value(Read&& read)
{
    check_returnable<T>();
    T out{};
    BOOST_OUTCOME_TRYV(read(out));
    return out;
}
// A T that cannot be read so: check_returnable says why, and the build says no more.
template <class T, class Read> Result<T> read_value(Read&&)
{
    check_returnable<T>();
    return EngineError{};
}
} // namespace detail

// Reads `input` into `out` (which should start default-constructed); on failure
// `out` holds whatever was read (a list without its elements that failed) and
// the error lists every problem.
template <class T> Result<void> from_dict(const boost::json::value& input, T& out, const read_options& options = {})
{
    if constexpr (is_versioned_v<T>) {
        if (input.is_object()) {
            BOOST_OUTCOME_TRY(std::int64_t version, document_version<T>(input.get_object(), options));
            if (version > current_version<T>())
                return detail::version_too_new<T>(version);
            if (version < current_version<T>()) {
                boost::json::value migrated = input;
                BOOST_OUTCOME_TRYV(migrate_document<T>(migrated.as_object(), options));
                Result<void> read = from_dict(migrated, out, options);
                if (!read) // its inputs are the migrated document's: say so
                    return detail::read_after_migration(std::move(read).error(), version, current_version<T>());
                return read;
            }
        }
    }
    validation_context ctx = detail::read_dom(input, out, options);
    if (!ctx.ok())
        return std::move(ctx).to_error(rule_of<T>::label());
    if constexpr (is_versioned_v<T>) // a document of version 1 may not name it
        detail::version_of(out) = current_version<T>();
    return boost::outcome_v2::success();
}

template <class T> Result<T> from_dict(const boost::json::value& input, const read_options& options = {})
{
    return detail::read_value<T>([&](T& out) { return from_dict(input, out, options); });
}

template <class T> std::string to_json(const T& value, json_format format = {})
{
    std::string out;
    text_writer w(out, format);
    rule_of<T>::write(w, value);
    w.finish();
    return out;
}

template <class T> std::string to_json(const T& value, json_format format, const dump_options& options)
{
    std::string out;
    text_writer w(out, format);
    detail::dump_writer selecting(w, options);
    rule_of<T>::write(selecting, value);
    w.finish();
    return out;
}

// The options first, the format after, for a call that names only options.
template <class T> std::string to_json(const T& value, const dump_options& options, json_format format = {})
{
    return to_json(value, format, options);
}

// As json.dumps writes it: a NaN or an infinity as NaN, Infinity, -Infinity
// (pydantic's ValidationError.json() shows such an input so), where to_json of
// a value, pydantic's dump of Any, writes null.
inline std::string serialize(const boost::json::value& value, json_format format = {})
{
    std::string out;
    text_writer w(out, format);
    w.value(value, text_writer::non_finite_as::number);
    w.finish();
    return out;
}

// Parses JSON text. A syntax error is an EngineError with code json whose
// details give the line, column (1-based) and byte offset where parsing stopped.
Result<boost::json::value> parse_json(std::string_view text);

namespace detail {
// `normalized`, if given: whether the value read may write other text than its
// input (validation_context::normalized).
template <class T>
Result<void> read_text(text_reader& r, T& out, const read_options& options, bool* normalized = nullptr)
{
    validation_context ctx(options, input_mode::json);
    rule_of<T>::read(r, out, ctx);
    if (normalized)
        *normalized = ctx.normalized();
    if (!r.finish())
        return r.error();
    if (!ctx.ok())
        return std::move(ctx).to_error(rule_of<T>::label());
    return boost::outcome_v2::success();
}

// read_text of a versioned schema: a document of the current version is read
// as any other; one whose version member reads as another (older, absent, or
// not a version) is parsed again whole by `parse` and read by from_dict, which
// migrates it. A newer one is refused.
template <class T, class Parse>
Result<void> read_versioned_text(text_reader& r, T& out, const read_options& options, Parse parse,
                                 bool* normalized = nullptr)
{
    auto& version = version_of(out);
    version = std::numeric_limits<std::remove_reference_t<decltype(version)>>::min(); // below 1: not read
    Result<void> read = read_text(r, out, options, normalized);
    if (std::cmp_equal(version, current_version<T>()))
        return read;
    if (normalized) // migrated: written back as the current version
        *normalized = true;
    if (std::cmp_greater(version, current_version<T>()))
        return version_too_new<T>(static_cast<std::int64_t>(version));
    BOOST_OUTCOME_TRY(boost::json::value document, parse());
    static_assert(std::is_move_assignable_v<T>,
                  "agent_engine: a versioned schema read from JSON text must be move-assignable: a document of "
                  "an older version is read again, migrated, into a fresh object (out = T{}).");
    if constexpr (std::is_move_assignable_v<T>)
        out = T{};
    read_options as_text = options;
    as_text.mode = options.mode.value_or(input_mode::json);
    return from_dict(document, out, as_text);
}

template <class T>
Result<void> read_json_text(std::string_view text, T& out, const read_options& options, bool* normalized = nullptr)
{
    text_reader r(text);
    if constexpr (is_versioned_v<T>)
        return read_versioned_text(r, out, options, [&] { return parse_json(text); }, normalized);
    else
        return read_text(r, out, options, normalized);
}
} // namespace detail

// Reads T straight from JSON text, with no DOM in between; the same values and
// the same errors as from_dict<T>(parse_json(text), {.mode = input_mode::json}).
template <class T> Result<void> from_json(std::string_view text, T& out, const read_options& options = {})
{
    return detail::read_json_text(text, out, options);
}

// The same, reading the text from `source` as it goes (see text_source.hpp): the
// same values and errors, but only a window of the text is held at a time. A
// failure to read the source is its error (code io).
template <class T> Result<void> from_json(const text_source& source, T& out, const read_options& options = {})
{
    text_reader r(source);
    if constexpr (is_versioned_v<T>)
        return detail::read_versioned_text(r, out, options, [&]() -> Result<boost::json::value> {
            boost::json::value document;
            BOOST_OUTCOME_TRYV(from_json(source, document));
            return document;
        });
    else
        return detail::read_text(r, out, options);
}

// from_json into `out` that also says whether the value read may write other
// text than `text` (validation_context::normalized: a str stripped, a repeated
// key dropped, a document migrated...). false: to_json(out) writes the JSON that
// `text` holds, so a writer of `text` can keep it instead of writing `out` again.
template <class T> Result<bool> from_json_normalized(std::string_view text, T& out, const read_options& options = {})
{
    bool normalized = false;
    BOOST_OUTCOME_TRY(detail::read_json_text(text, out, options, &normalized));
    return normalized;
}

template <class T> Result<T> from_json(std::string_view text, const read_options& options = {})
{
    return detail::read_value<T>([&](T& out) { return from_json(text, out, options); });
}

template <class T> Result<T> from_json(const text_source& source, const read_options& options = {})
{
    return detail::read_value<T>([&](T& out) { return from_json(source, out, options); });
}

} // namespace agent_engine

#endif
