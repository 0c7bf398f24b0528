#ifndef AGENT_ENGINE_TEST_PYDANTIC_CONFORMANCE_SCHEMAS_HPP
#define AGENT_ENGINE_TEST_PYDANTIC_CONFORMANCE_SCHEMAS_HPP

// The schemas of the pydantic conformance corpus. test/pydantic/generate.py
// declares a pydantic model mirroring each one (same class and field names, the
// same defaults, the integer range of each C++ type as ge/le); a change here needs
// the same change there, and the corpus regenerated.

#include <agent_engine/agent_engine.hpp>

#include <boost/uuid/uuid.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace conformance {

enum class Color { red, green, blue };
BOOST_DESCRIBE_ENUM(Color, red, green, blue)

// Every scalar member type.
struct Scalars {
    std::string s;
    bool b = false;
    int i = 0;
    std::int64_t i64 = 0;
    std::uint64_t u64 = 0;
    std::uint8_t small = 0;
    double d = 0;
    Color color = Color::red;
    std::optional<std::string> opt;
    std::optional<int> opt_i;
};
BOOST_DESCRIBE_STRUCT(Scalars, (), (s, b, i, i64, u64, small, d, color, opt, opt_i))
AGENT_ENGINE_REQUIRED(Scalars, s)

// Lists and string-keyed maps, nested in each other.
struct Containers {
    std::vector<int> ints;
    std::vector<std::string> strs;
    agent_engine::ordered_map<std::string, int> counts;
    std::map<std::string, double> sorted;
    std::vector<std::vector<int>> grid;
    std::optional<std::vector<std::string>> maybe_list;
    std::vector<bool> flags;
    agent_engine::ordered_map<std::string, std::vector<Color>> palettes;
};
BOOST_DESCRIBE_STRUCT(Containers, (), (ints, strs, counts, sorted, grid, maybe_list, flags, palettes))

struct Inner {
    std::string name;
    int n = 0;
};
BOOST_DESCRIBE_STRUCT(Inner, (), (name, n))
AGENT_ENGINE_REQUIRED(Inner, name)

// A validator across members (pydantic: @model_validator(mode="after") raising ValueError).
struct Window {
    int low = 0;
    int high = 0;
};
BOOST_DESCRIBE_STRUCT(Window, (), (low, high))
inline std::optional<std::string> low_not_above_high(const Window& w)
{
    if (w.low > w.high)
        return "low is above high";
    return std::nullopt;
}
AGENT_ENGINE_VALIDATOR(Window, low_not_above_high)

// Described structs at every depth: alone, in a list, in a map, optional, on the heap.
struct Nested {
    Inner one;
    std::vector<Inner> many;
    agent_engine::ordered_map<std::string, Inner> by_name;
    std::optional<Inner> maybe;
    agent_engine::heap_optional<Inner> heap;
    Window window;
};
BOOST_DESCRIBE_STRUCT(Nested, (), (one, many, by_name, maybe, heap, window))
AGENT_ENGINE_REQUIRED(Nested, one)

// Aliases, required members, extra='forbid'.
struct Aliased {
    std::string task_id;
    int retry_count = 0;
    std::optional<std::string> note;
    Inner inner;
};
BOOST_DESCRIBE_STRUCT(Aliased, (), (task_id, retry_count, note, inner))
AGENT_ENGINE_REQUIRED(Aliased, task_id, note)
AGENT_ENGINE_ALIAS(Aliased, task_id, "task-id")
AGENT_ENGINE_ALIAS(Aliased, retry_count, "retryCount")
AGENT_ENGINE_FORBID_EXTRA(Aliased)

inline bool has_no_space(const std::string& s) { return s.find(' ') == std::string::npos; }

// Every constraint kind that has a pydantic equivalent (timestamp() has none: pydantic
// turns the text into a datetime, the library keeps it).
struct Constrained {
    std::string name;
    std::string code = "a-1";
    std::string kind = "alpha";
    int retries = 0;
    double ratio = 0.5;
    std::vector<std::string> tags = {"t"};
    std::optional<std::string> label;
    std::int64_t level = 1;
    agent_engine::ordered_map<std::string, int> limits;
    std::string slug = "s";
};
BOOST_DESCRIBE_STRUCT(Constrained, (), (name, code, kind, retries, ratio, tags, label, level, limits, slug))
AGENT_ENGINE_REQUIRED(Constrained, name)
AGENT_ENGINE_CONSTRAINTS(Constrained, name, min_length(1), max_length(8))
AGENT_ENGINE_CONSTRAINTS(Constrained, code, pattern("^[a-z]+-[0-9]+$"))
AGENT_ENGINE_CONSTRAINTS(Constrained, kind, one_of("alpha", "beta"))
AGENT_ENGINE_CONSTRAINTS(Constrained, retries, ge(0), le(5))
AGENT_ENGINE_CONSTRAINTS(Constrained, ratio, gt(0), lt(1))
AGENT_ENGINE_CONSTRAINTS(Constrained, tags, min_length(1), max_length(3), each(min_length(1)))
AGENT_ENGINE_CONSTRAINTS(Constrained, label, max_length(4))
AGENT_ENGINE_CONSTRAINTS(Constrained, level, one_of(1, 2, 3))
AGENT_ENGINE_CONSTRAINTS(Constrained, limits, max_length(2))
AGENT_ENGINE_CONSTRAINTS(Constrained, slug, satisfies(has_no_space, "slug has a space"))

struct Other {
    int x = 0;
    bool flag = false;
};
BOOST_DESCRIBE_STRUCT(Other, (), (x, flag))
AGENT_ENGINE_REQUIRED(Other, x)

// std::variant: pydantic's union, in its default (smart) mode.
struct Unions {
    std::variant<std::int64_t, std::string> id = std::int64_t(0);
    std::variant<Inner, Other> shape;
    std::optional<std::variant<bool, double>> maybe;
    std::vector<std::variant<std::string, Color>> items;
};
BOOST_DESCRIBE_STRUCT(Unions, (), (id, shape, maybe, items))
AGENT_ENGINE_REQUIRED(Unions, shape)

// Free-form JSON members (pydantic: Any, dict[str, Any], list[Any]).
struct Free {
    boost::json::value any;
    boost::json::object obj;
    boost::json::array arr;
    std::string tag;
};
BOOST_DESCRIBE_STRUCT(Free, (), (any, obj, arr, tag))

// str_strip_whitespace=True, the Python original's SchemaBase config.
struct Stripped {
    std::string name;
    std::vector<std::string> tags;
    agent_engine::ordered_map<std::string, std::string> labels;
    std::optional<std::string> note;
};
BOOST_DESCRIBE_STRUCT(Stripped, (), (name, tags, labels, note))
AGENT_ENGINE_REQUIRED(Stripped, name)
AGENT_ENGINE_STR_STRIP_WHITESPACE(Stripped)

// extra='allow': unknown keys kept in `extra`, which is not a member of the JSON.
struct Open {
    std::string name;
    int n = 0;
    agent_engine::extra_members extra;
};
BOOST_DESCRIBE_STRUCT(Open, (), (name, n))
AGENT_ENGINE_REQUIRED(Open, name)
AGENT_ENGINE_ALLOW_EXTRA(Open, extra)

enum class Status { pending, in_progress, done };
BOOST_DESCRIBE_ENUM(Status, pending, in_progress, done)
AGENT_ENGINE_ENUM_VALUE(Status, in_progress, "in-progress")

enum class Level { low = 1, high = 2 };
BOOST_DESCRIBE_ENUM(Level, low, high)
AGENT_ENGINE_INT_ENUM(Level)

// The standard types of doc/schemas.md section 2 with a pydantic counterpart (issue 19):
// AwareDatetime, date, timedelta, time, set, frozenset, tuple, UUID, Path, a str
// Enum with a renamed value, an IntEnum, int keys; optional, in a list, in a map.
struct Standard {
    std::chrono::sys_time<std::chrono::microseconds> at{};
    std::chrono::year_month_day day{std::chrono::year{2025}, std::chrono::January, std::chrono::day{1}};
    std::chrono::microseconds took{};
    agent_engine::time_of_day opens;
    std::set<std::int64_t> ids;
    agent_engine::frozen_set<std::int64_t> frozen;
    std::pair<std::int64_t, std::string> point;
    boost::uuids::uuid id{};
    std::filesystem::path file{"."};
    Status status = Status::pending;
    Level level = Level::low;
    std::map<std::int64_t, std::string> by_id;
    std::optional<std::chrono::microseconds> maybe_took;
    std::vector<std::chrono::microseconds> steps;
    agent_engine::ordered_map<std::string, agent_engine::time_of_day> hours;
    std::vector<std::byte> data;
    boost::uuids::uuid run{{0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 0}}; // 00000000-0000-4000-8000-000000000000
};
BOOST_DESCRIBE_STRUCT(Standard, (),
                      (at, day, took, opens, ids, frozen, point, id, file, status, level, by_id, maybe_took, steps,
                       hours, data, run))
AGENT_ENGINE_REQUIRED(Standard, at)
AGENT_ENGINE_CONSTRAINTS(Standard, run, uuid_version(4))

// A tagged union (pydantic's Field(discriminator="pet_type")), alone and optional.
struct Cat {
    std::string pet_type = "cat";
    int meows = 0;
};
BOOST_DESCRIBE_STRUCT(Cat, (), (pet_type, meows))
AGENT_ENGINE_REQUIRED(Cat, pet_type, meows)
AGENT_ENGINE_CONSTRAINTS(Cat, pet_type, one_of("cat"))

struct Dog {
    std::string pet_type = "dog";
    double barks = 0;
};
BOOST_DESCRIBE_STRUCT(Dog, (), (pet_type, barks))
AGENT_ENGINE_REQUIRED(Dog, pet_type)
AGENT_ENGINE_CONSTRAINTS(Dog, pet_type, one_of("dog", "puppy"))

struct Tagged {
    std::variant<Cat, Dog> pet;
    std::optional<std::variant<Cat, Dog>> spare;
    std::vector<std::variant<Cat, Dog>> pack; // untagged: smart mode
};
BOOST_DESCRIBE_STRUCT(Tagged, (), (pet, spare, pack))
AGENT_ENGINE_REQUIRED(Tagged, pet)
AGENT_ENGINE_CONSTRAINTS(Tagged, pet, discriminator<"pet_type">())
AGENT_ENGINE_CONSTRAINTS(Tagged, spare, discriminator<"pet_type">())

// Model configuration on str values, and the base64 bytes types.
struct Configured {
    std::string name;
    std::vector<std::string> tags;
    agent_engine::ordered_map<std::string, std::string> labels;
    std::string code = "ab";
    agent_engine::base64_bytes blob;
    agent_engine::base64url_bytes url_blob;
};
BOOST_DESCRIBE_STRUCT(Configured, (), (name, tags, labels, code, blob, url_blob))
AGENT_ENGINE_REQUIRED(Configured, name)
AGENT_ENGINE_ALIAS(Configured, code, "Code")
AGENT_ENGINE_CONSTRAINTS(Configured, code, max_length(12))
AGENT_ENGINE_STR_STRIP_WHITESPACE(Configured)
AGENT_ENGINE_STR_TO_LOWER(Configured)
AGENT_ENGINE_STR_MIN_LENGTH(Configured, 2)
AGENT_ENGINE_STR_MAX_LENGTH(Configured, 8)
AGENT_ENGINE_VALIDATE_BY_NAME(Configured)

} // namespace conformance

#endif
