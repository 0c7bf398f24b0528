#ifndef AGENT_ENGINE_CORE_VALIDATION_CONTEXT_HPP
#define AGENT_ENGINE_CORE_VALIDATION_CONTEXT_HPP

// validation_context: where a read is in the input (pydantic's `loc`) and the
// errors collected so far, as validation_error records. A read never stops at
// the first error; the context gathers all of them and turns them into one
// EngineError with pydantic's ValidationError text and its errors in pydantic
// v2's shape:
//   {"type": "missing", "loc": ["routing_trace", 2, "stage_id"], "msg": "Field required",
//    "input": {...}, "ctx": {...}}
// It keeps the first read_options::max_errors in full and only counts the
// others, so that an input with millions of errors costs no more memory than
// one with that many.

#include <agent_engine/core/detail/str_config.hpp>
#include <agent_engine/core/error.hpp>
#include <agent_engine/core/error_type.hpp>
#include <agent_engine/core/read_options.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace agent_engine {

// One error as a rule records it. Its message is made from its type and ctx
// when the errors become an EngineError (validation_context::to_error).
struct validation_error {
    error_type type;
    boost::json::array loc;
    boost::json::value input;
    boost::json::object ctx;
    std::string custom_type = {}, custom_msg = {}; // error_type::custom: the rule's own
};

class validation_context {
public:
    class scope;

private:
    read_options options_;
    input_mode mode_ = input_mode::python;
    // Whether the value read now is read in strict mode (see read_options::strict),
    // and whether every value is, whatever its schema says (the call's strict mode,
    // a union's strict pass).
    bool strict_ = false;
    bool strict_throughout_ = false;
    // Every error is counted; the first max_errors are kept, in errors_. So
    // errors_.size() == min(count_, max_errors) always: the error numbered i
    // (from 0, in the order recorded) is errors_[i] if kept.
    std::size_t count_ = 0;
    std::vector<validation_error> errors_;
    detail::str_config str_config_; // see str_config()
    bool normalized_ = false;                 // see normalized()
    bool location_lost_ = false;              // memory ran out locating an error (see locate)

public:
    // How closely a value read matched its input: pydantic's "exactness" and
    // "fields set", by which a union in smart mode picks among the alternatives
    // that read it (see measuring_match).
    struct match_quality {
        enum level_type { lax, strict, exact };
        level_type level = exact;
        std::optional<std::size_t> fields_set; // the members a schema's input set, if a schema was read

        // Whether a union prefers this to `other`: more members set, when both are
        // schemas that differ there; else a closer match (not a tie: the leftmost stays).
        bool better_than(const match_quality& other) const noexcept
        {
            if (fields_set && other.fields_set && *fields_set != *other.fields_set)
                return *fields_set > *other.fields_set;
            return level > other.level;
        }
    };

private:
    match_quality* match_ = nullptr; // where a value read now reports how it matched, if anyone asks

    // Add an error at the current location; out of line (src/validation_errors.cpp),
    // so that each place that reports one compiles a call, not the record.
    void keep(error_type type, boost::json::value&& input, boost::json::object&& ctx);
    void keep_custom(std::string_view type, std::string_view msg, boost::json::value&& input,
                     boost::json::object&& ctx);
    // Adds a key, or an index, to the location of each error kept since error
    // number `first` (a scope that ends, with errors recorded in it).
    void locate(std::size_t first, std::string_view key) noexcept;
    void locate(std::size_t first, std::size_t index) noexcept;
    void sort_errors_by_rank(std::size_t first, const void* rank,
                             std::size_t (*rank_of)(const void* rank, std::optional<std::string_view> key));

    // Where the errors numbered from `first` on start in errors_.
    std::vector<validation_error>::iterator kept_from(std::size_t first) noexcept
    {
        return errors_.begin() + static_cast<std::ptrdiff_t>(std::min(first, errors_.size()));
    }

public:
    // Steps into a key or an index for as long as the scope lives. A key must
    // outlive the scope. Its key or index is added to the location of each
    // error recorded in it when it ends: a read with no error pays a compare
    // per scope, and keeps nothing. A kept error's location is therefore
    // innermost first, and only below the scopes still open, until to_error
    // turns it around.
    class [[nodiscard]] scope {
        friend class validation_context;
        validation_context& ctx_;
        std::size_t first_; // the number of the first error recorded in the scope
        std::string_view key_;
        std::size_t index_ = 0;
        bool is_index_ = false; // a scope is of a key or of an index

        scope(validation_context& ctx, std::string_view key) noexcept : ctx_(ctx), first_(ctx.count_), key_(key) {}
        scope(validation_context& ctx, std::size_t index) noexcept
            : ctx_(ctx), first_(ctx.count_), index_(index), is_index_(true)
        {
        }

    public:
        scope(const scope&) = delete;
        scope& operator=(const scope&) = delete;
        ~scope()
        {
            if (ctx_.count_ > first_) {
                if (is_index_)
                    ctx_.locate(first_, index_);
                else
                    ctx_.locate(first_, key_);
            }
        }
    };

    // Reads in one strictness for as long as it lives, then restores the one before
    // (a schema's members, a strict() member, a union's strict pass).
    class [[nodiscard]] strictness {
        validation_context& ctx_;
        bool outer_, outer_throughout_;

    public:
        strictness(validation_context& ctx, bool strict, bool throughout) noexcept
            : ctx_(ctx), outer_(ctx.strict_), outer_throughout_(ctx.strict_throughout_)
        {
            ctx_.strict_ = strict;
            ctx_.strict_throughout_ = throughout;
        }
        strictness(const strictness&) = delete;
        strictness& operator=(const strictness&) = delete;
        ~strictness()
        {
            ctx_.strict_ = outer_;
            ctx_.strict_throughout_ = outer_throughout_;
        }
    };

    validation_context() = default;
    // `call_mode`: the mode of the call that reads, unless options.mode says otherwise.
    explicit validation_context(const read_options& options, input_mode call_mode = input_mode::python)
        : options_(options), mode_(options.mode.value_or(call_mode)), strict_(options.strict),
          strict_throughout_(options.strict)
    {
    }
    // A moved context takes the errors, not the location: the scopes on the
    // stack belong to the one they were opened on.
    validation_context(validation_context&& other) noexcept
        : options_(other.options_), mode_(other.mode_), strict_(other.options_.strict),
          strict_throughout_(other.options_.strict), count_(other.count_), errors_(std::move(other.errors_))
    {
    }
    validation_context(const validation_context&) = delete;
    validation_context& operator=(const validation_context&) = delete;

    const read_options& options() const noexcept { return options_; }
    input_mode mode() const noexcept { return mode_; }

    // Whether the value read now is read in strict mode: no conversion from another
    // JSON kind. A rule asks only when the kind is not its own, so that the common
    // case costs nothing.
    bool strict() const noexcept { return strict_; }
    // Whether every value read now is read in strict mode, whatever its schema says.
    bool strict_everywhere() const noexcept { return strict_throughout_; }
    // The strictness of the members of a schema that is (`schema_strict`: its
    // AGENT_ENGINE_STRICT) or is not strict: strict throughout, else the schema's.
    strictness members_strict(bool schema_strict) noexcept
    {
        return {*this, strict_throughout_ || schema_strict, strict_throughout_};
    }
    // Strict for one value (a strict() member): a schema in it reads in its own mode.
    strictness strict_value() noexcept { return {*this, true, strict_throughout_}; }
    // Strict for everything read in the scope, every schema's members included (a
    // union's first pass, pydantic's smart mode).
    strictness strict_throughout() noexcept { return {*this, true, true}; }

    // Measures how closely what is read while it lives matches its input (a
    // union's alternative), then restores the measure before.
    class [[nodiscard]] measuring_match {
        validation_context& ctx_;
        match_quality* outer_;
        match_quality quality_;

    public:
        explicit measuring_match(validation_context& ctx) noexcept : ctx_(ctx), outer_(ctx.match_)
        {
            ctx_.match_ = &quality_;
        }
        measuring_match(const measuring_match&) = delete;
        measuring_match& operator=(const measuring_match&) = delete;
        ~measuring_match() { ctx_.match_ = outer_; }
        const match_quality& quality() const noexcept { return quality_; }
    };
    // A value read now that matches its input no more closely than `level`, as
    // pydantic rates it: an enum read from its value, an integer map key read from
    // its text are lax matches; a schema read from an object, an Any value, a
    // tuple or set from an array are strict ones.
    void floor_match(match_quality::level_type level) noexcept
    {
        if (match_)
            match_->level = std::min(match_->level, level);
    }
    // A value read from a JSON string's text (a str, a date, a time, a duration, a
    // path, bytes, a str map key): pydantic's JSON mode rates it strict, not exact,
    // as its JSON input hands every str over (pydantic 2.13: Union[datetime, str]
    // reads '"2020-01-01T00:00:00Z"' as the datetime from JSON, as the str from
    // Python). A UUID or a one_of read from one stays exact, as pydantic rates them.
    void note_read_from_json_string() noexcept
    {
        if (mode_ == input_mode::json)
            floor_match(match_quality::strict);
    }
    // A schema read from an object that set `n` of its members; the outermost,
    // read last, has the last word, as in pydantic.
    void note_fields_set(std::size_t n) noexcept
    {
        if (match_) {
            floor_match(match_quality::strict);
            match_->fields_set = n;
        }
    }
    // A union inside the value read now matched this closely.
    void note_match(const match_quality& inner) noexcept
    {
        if (match_) {
            floor_match(inner.level);
            if (inner.fields_set)
                match_->fields_set = inner.fields_set;
        }
    }

    // How a str value read now is taken: the str_* config of the model whose
    // fields are being read (pydantic applies a model's config to its own
    // fields, not to a nested model's).
    const detail::str_config& str_config() const noexcept { return str_config_; }
    // Sets it, returning the one it replaces (to set back when the field or model is read).
    detail::str_config exchange_str_config(const detail::str_config& config) noexcept
    {
        return std::exchange(str_config_, config);
    }

    // Whether the value read may write other text than its input: a rule that
    // changes what it read (a str stripped, a repeated key or set element
    // dropped, a union's pick) says so, so that a save can tell whether the text
    // it wrote is already what a load of it returns (encode_document).
    bool normalized() const noexcept { return normalized_; }
    void note_normalized() noexcept { normalized_ = true; }

    scope at(std::string_view key) noexcept { return scope(*this, key); }
    scope at(std::size_t index) noexcept { return scope(*this, index); }

    // Whether an error recorded now is kept (past max_errors it is only counted).
    bool keeps_errors() const noexcept { return count_ < options_.max_errors; }
    // Whether every error recorded so far is kept.
    bool kept_all() const noexcept { return count_ <= options_.max_errors; }

    // Records an error of the library's at the current location; its message
    // comes from `type` and `ctx`.
    void fail(error_type type, boost::json::value input, boost::json::object ctx = {})
    {
        if (keeps_errors())
            keep(type, std::move(input), std::move(ctx));
        ++count_;
    }

    // The same, calling input() only if the error is kept: an error past
    // max_errors then costs a count, and the value is not even read.
    template <class Input>
        requires std::is_invocable_r_v<boost::json::value, Input&>
    void fail(error_type type, Input&& input)
    {
        if (keeps_errors())
            keep(type, input(), {});
        ++count_;
    }

    // The parts of an error that cost something to build.
    struct error_details {
        boost::json::value input;
        boost::json::object ctx = {};
    };
    // The same, calling details() only if the error is kept.
    template <class Details>
        requires std::is_invocable_r_v<error_details, Details&>
    void fail(error_type type, Details&& details)
    {
        if (keeps_errors()) {
            error_details d = details();
            keep(type, std::move(d.input), std::move(d.ctx));
        }
        ++count_;
    }

    // A rule's own error, `type` (pydantic's name) and `msg` given, at the
    // current location.
    void fail(std::string_view type, std::string_view msg, boost::json::value input, boost::json::object ctx = {})
    {
        if (keeps_errors())
            keep_custom(type, msg, std::move(input), std::move(ctx));
        ++count_;
    }

    // The same, calling input() only if the error is kept.
    template <class Input>
        requires std::is_invocable_r_v<boost::json::value, Input&>
    void fail(std::string_view type, std::string_view msg, Input&& input)
    {
        if (keeps_errors())
            keep_custom(type, msg, input(), {});
        ++count_;
    }

    // The parts of a rule's own error that cost something to build.
    struct error_parts {
        std::string msg;
        boost::json::value input;
        boost::json::object ctx = {};
    };
    // The same, calling parts() only if the error is kept.
    template <class Parts>
        requires std::is_invocable_r_v<error_parts, Parts&>
    void fail(std::string_view type, Parts&& parts)
    {
        if (keeps_errors()) {
            error_parts p = parts();
            keep_custom(type, p.msg, std::move(p.input), std::move(p.ctx));
        }
        ++count_;
    }

    // Forgets the errors numbered from `first` on (an alternative that was
    // tried and dropped, an object read again).
    void discard_errors_from(std::size_t first)
    {
        errors_.erase(kept_from(first), errors_.end());
        count_ = first;
    }

    // The keys an object repeated, each with where the errors of its last
    // occurrence start: a repeated key counts once, with its last value
    // (pydantic's rule), so the errors of its earlier values go. They go in one
    // pass once the object is read (drop_superseded): a key repeated many times,
    // or many keys repeated, cost no more than keys that are not.
    class repeats {
        friend class validation_context;
        // Made at the first note: most objects have none, and cost nothing here.
        std::unique_ptr<std::map<std::string, std::size_t, std::less<>>> last_start_;
        bool again_ = false;

        // Whether `key` was noted before. Compiled: src/validation_errors.cpp.
        bool record(std::string_view key, std::size_t error_count);

    public:
        // `key` occurs again; the errors recorded from `error_count` on are its own.
        void note(std::string_view key, std::size_t error_count)
        {
            record(key, error_count);
            again_ = true;
        }
        // The same for a key with no member to tell whether it occurred before
        // (an extra key, an error where extras are): noted at each occurrence.
        void note_extra(std::string_view key, std::size_t error_count) { again_ |= record(key, error_count); }
        // Whether a key occurred again.
        bool any() const noexcept { return again_; }
    };

    // Drops the errors recorded since number `first`, under a key of the current
    // location, that a later occurrence of that key superseded. Only when every
    // error is kept (kept_all()): the key of an error only counted is not known.
    // Compiled: src/validation_errors.cpp.
    void drop_superseded(std::size_t first, const repeats& repeated);

    // The key of the current location's object that `error` lies under, or
    // nothing when it is about the object itself.
    std::optional<std::string_view> key_of(const validation_error& error) const
    {
        auto const& loc = error.loc; // innermost first, below the current location (see scope)
        if (loc.empty() || !loc.back().is_string())
            return std::nullopt;
        return std::string_view(loc.back().get_string());
    }

    // Stable-sorts the kept errors recorded since number `first` by rank(key_of(error)).
    // The sort is compiled once, in the library; each caller compiles a thunk.
    template <class Rank> void sort_errors_by_key(std::size_t first, const Rank& rank)
    {
        sort_errors_by_rank(first, &rank, [](const void* r, std::optional<std::string_view> key) -> std::size_t {
            return (*static_cast<const Rank*>(r))(key);
        });
    }

    bool ok() const noexcept { return count_ == 0; }
    // All the errors recorded, kept or only counted.
    std::size_t error_count() const noexcept { return count_; }
    // The kept ones, each location innermost first until to_error (see scope).
    const std::vector<validation_error>& errors() const noexcept { return errors_; }

    // The errors as one EngineError (code validation) whose message is what
    // pydantic prints for a ValidationError of the schema `title`. details:
    // "title", "errors" (the kept ones), "error_count" (all of them, as
    // pydantic's ValidationError.error_count()).
    EngineError to_error(std::string_view title) &&;

    // "2 validation errors for Task", then per kept error (pydantic's JSON form)
    // its dotted location and, indented, "msg [type=..., input_value=...,
    // input_type=...]"; when `count` is more than were kept, a last line says
    // how many more.
    static std::string format_errors(std::string_view title, const boost::json::array& errors, std::size_t count);
};

} // namespace agent_engine

#endif
