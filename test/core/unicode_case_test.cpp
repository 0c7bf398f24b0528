// str_to_lower / str_to_upper as pydantic 2.13.4's (detail::change_letter_case;
// pydantic-core calls Rust's str::to_lowercase / to_uppercase, not Python's
// str.lower()), against pydantic's own results in
// test/data/unicode_case/pydantic-2.13.4.txt (written by
// scripts/generate-unicode-case, which probes pydantic; Python is not run
// here): every code point, the final sigma around every code point, whole
// strings; then through a schema.
#define BOOST_TEST_MODULE core_unicode_case
#include "test_support.hpp"

#include <agent_engine/core/detail/unicode_case.hpp>
#include <agent_engine/core/detail/unicode_case_mapping.hpp>

#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using agent_engine::detail::change_letter_case;
using agent_engine::detail::changes_letter_case;
using agent_engine::detail::letter_case;

namespace {

constexpr std::uint32_t capital_sigma = 0x3A3, small_sigma = 0x3C3, final_sigma = 0x3C2;

std::string utf8(std::uint32_t cp)
{
    std::string out;
    agent_engine::detail::append_utf8(out, cp);
    return out;
}

// A string of the golden file: hex code points joined by ".", "" as "-".
std::string parse_string(const std::string& field)
{
    std::string out;
    if (field == "-")
        return out;
    std::istringstream in(field);
    for (std::string hex; std::getline(in, hex, '.');)
        out += utf8(static_cast<std::uint32_t>(std::stoul(hex, nullptr, 16)));
    return out;
}

struct golden {
    std::map<std::uint32_t, std::pair<std::string, std::string>> code_points; // c lines: lower, upper
    struct probe_run {
        std::uint32_t first, last;
        std::string flags;
    };
    std::vector<probe_run> probes; // p lines
    struct whole {
        std::string s, lower, upper;
    };
    std::vector<whole> strings; // s lines
};

const golden& data()
{
    static const golden g = [] {
        golden g;
        std::ifstream file(AGENT_ENGINE_TEST_DATA "/unicode_case/pydantic-2.13.4.txt");
        BOOST_REQUIRE(file);
        for (std::string line; std::getline(file, line);) {
            if (line.empty() || line[0] == '#')
                continue;
            std::istringstream in(line);
            std::string kind, a, b, c;
            in >> kind >> a >> b >> c;
            if (kind == "c")
                g.code_points[static_cast<std::uint32_t>(std::stoul(a, nullptr, 16))] = {parse_string(b), parse_string(c)};
            else if (kind == "p")
                g.probes.push_back({static_cast<std::uint32_t>(std::stoul(a, nullptr, 16)),
                                    static_cast<std::uint32_t>(std::stoul(b, nullptr, 16)), c});
            else if (kind == "s")
                g.strings.push_back({parse_string(a), parse_string(b), parse_string(c)});
            else
                BOOST_FAIL("unknown line: " + line);
        }
        return g;
    }();
    return g;
}

bool surrogate(std::uint32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

std::string lower_of(std::uint32_t cp)
{
    auto it = data().code_points.find(cp);
    return it == data().code_points.end() ? utf8(cp) : it->second.first;
}

std::string hex(std::uint32_t cp)
{
    std::ostringstream out;
    out << "U+" << std::hex << std::uppercase << cp;
    return out.str();
}

// Collects what differs from pydantic's result; report() shows the count and the
// first few. A case is named by `what` with {} for the code point `cp`.
struct mismatches {
    std::size_t count = 0;
    std::string shown;
    void check(std::string_view what, std::uint32_t cp, std::string_view input, letter_case to_case,
               std::string_view expected)
    {
        std::string s(input);
        bool changed = change_letter_case(s, to_case);
        bool told = changes_letter_case(input, to_case);
        if (s == expected && changed == (input != expected) && told == changed)
            return;
        if (++count <= 10) {
            std::string name(what);
            if (auto at = name.find("{}"); at != std::string::npos)
                name.replace(at, 2, hex(cp));
            shown += name + ": got \"" + s + "\" (changed: " + (changed ? "yes" : "no") +
                     ", changes_letter_case: " + (told ? "yes" : "no") + "), pydantic gives \"" +
                     std::string(expected) + "\"\n";
        }
    }
    void report() const
    {
        BOOST_TEST_INFO(shown);
        BOOST_TEST(count == 0u);
    }
};

} // namespace

// The tables can be read at compile time.
static_assert(agent_engine::detail::mapped_case(0xDF, letter_case::upper).size == 2); // ß -> SS
static_assert(agent_engine::detail::mapped_case(0x130, letter_case::lower).to[1] == 0x307); // İ -> i̇
static_assert(agent_engine::detail::mapped_case(0x10400, letter_case::lower).to[0] == 0x10428);
static_assert(agent_engine::detail::case_context_of(0x345) == agent_engine::detail::case_context::ignorable);
// Unicode 16 and 17 (Rust's tables), which Python 3.11's str.lower() / str.upper() keep.
static_assert(agent_engine::detail::mapped_case(0xA7CB, letter_case::lower).to[0] == 0x264);
static_assert(agent_engine::detail::mapped_case(0x16EA0, letter_case::lower).to[0] == 0x16EBB);
static_assert(agent_engine::detail::mapped_case(0x19B, letter_case::upper).to[0] == 0xA7DC);
static_assert(agent_engine::detail::case_context_of(0x10D50) == agent_engine::detail::case_context::cased); // Garay

BOOST_AUTO_TEST_CASE(every_code_point_changes_as_pydantic_changes_it)
{
    BOOST_TEST(data().code_points.size() > 3000u); // pydantic changes 3037 (Python 3.11's str.lower() 2927)
    mismatches m;
    for (std::uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (surrogate(cp))
            continue;
        std::string s = utf8(cp);
        auto it = data().code_points.find(cp);
        if (it == data().code_points.end()) { // pydantic keeps it both ways
            m.check("{} lower", cp, s, letter_case::lower, s);
            m.check("{} upper", cp, s, letter_case::upper, s);
        } else {
            m.check("{} lower", cp, s, letter_case::lower, it->second.first);
            m.check("{} upper", cp, s, letter_case::upper, it->second.second);
        }
        m.check("{} kept", cp, s, letter_case::kept, s);
    }
    m.report();
}

BOOST_AUTO_TEST_CASE(the_final_sigma_around_every_code_point_is_pydantics)
{
    // "A" c "Σ" reads an ASCII start back from Σ; "Ä" c "Σ" follows the text
    // from a non-ASCII start; "AΣ" c reads ahead of Σ, to the end or, in
    // "AΣ" c "a", to a cased letter.
    mismatches m;
    std::uint32_t covered = 0;
    for (const auto& run : data().probes) {
        BOOST_REQUIRE(run.first == covered);
        BOOST_REQUIRE(run.flags.size() == 5u);
        covered = run.last + 1;
        auto sigma = [&](std::size_t probe) { return utf8(run.flags[probe] == '1' ? final_sigma : small_sigma); };
        for (std::uint32_t cp = run.first; cp <= run.last; ++cp) {
            if (surrogate(cp) || cp == capital_sigma) // Σ in context: the whole strings
                continue;
            std::string c = utf8(cp), low = lower_of(cp), capital = utf8(capital_sigma);
            m.check("A {} Σ", cp, "A" + c + capital, letter_case::lower, "a" + low + sigma(0));
            m.check("{} Σ", cp, c + capital, letter_case::lower, low + sigma(1));
            m.check("A Σ {}", cp, "A" + capital + c, letter_case::lower, "a" + sigma(2) + low);
            m.check("Ä {} Σ", cp, "\xc3\x84" + c + capital, letter_case::lower, "\xc3\xa4" + low + sigma(3));
            m.check("A Σ {} a", cp, "A" + capital + c + "a", letter_case::lower, "a" + sigma(4) + low + "a");
        }
    }
    m.report();
    BOOST_TEST(covered == 0x110000u);
}

BOOST_AUTO_TEST_CASE(whole_strings_change_as_pydantic_changes_them)
{
    BOOST_TEST(data().strings.size() > 500u);
    mismatches m;
    for (const auto& w : data().strings) {
        std::string name = "\"" + w.s + "\"";
        m.check(name + ".lower()", 0, w.s, letter_case::lower, w.lower);
        m.check(name + ".upper()", 0, w.s, letter_case::upper, w.upper);
        // After an ASCII start, which takes the byte loop first (a space stops
        // the final sigma's look-back as the start of the string does: the
        // generator checks pydantic agrees).
        m.check("\"Ab1 \" + " + name + ".lower()", 0, "Ab1 " + w.s, letter_case::lower, "ab1 " + w.lower);
        m.check("\"Ab1 \" + " + name + ".upper()", 0, "Ab1 " + w.s, letter_case::upper, "AB1 " + w.upper);
    }
    m.report();
}

BOOST_AUTO_TEST_CASE(named_strings)
{
    auto changed = [](std::string s, letter_case to_case) {
        change_letter_case(s, to_case);
        return s;
    };
    BOOST_TEST(changed("straße", letter_case::upper) == "STRASSE");
    BOOST_TEST(changed("ΟΔΟΣ", letter_case::lower) == "οδος");
    BOOST_TEST(changed("ΟΔΟΣ ΟΔΟΣ.", letter_case::lower) == "οδος οδος.");
    BOOST_TEST(changed("İstanbul", letter_case::lower) == "i\xcc\x87stanbul");
    BOOST_TEST(changed("ﬁle", letter_case::upper) == "FILE");
    BOOST_TEST(changed("\xc3\x89" "A", letter_case::lower) == "\xc3\xa9" "a");
    // Bytes that are not UTF-8 (which the reader never hands over) are kept.
    BOOST_TEST(changed("\xff" "A\xce" "\xc3\x89\xce", letter_case::lower) == "\xff" "a\xce" "\xc3\xa9\xce");
    std::string ascii = "already lower";
    BOOST_TEST(!change_letter_case(ascii, letter_case::lower));
    std::string greek = "οδος";
    BOOST_TEST(!change_letter_case(greek, letter_case::lower));
    BOOST_TEST(change_letter_case(greek, letter_case::upper));
    BOOST_TEST(greek == "ΟΔΟΣ");
}

namespace casing {

// class Upper(BaseModel):
//     model_config = ConfigDict(str_to_upper=True)
//     s: str = ''
struct Upper {
    std::string s;
};
BOOST_DESCRIBE_STRUCT(Upper, (), (s))
AGENT_ENGINE_STR_TO_UPPER(Upper)

// The same with str_to_lower=True.
struct Lower {
    std::string s;
};
BOOST_DESCRIBE_STRUCT(Lower, (), (s))
AGENT_ENGINE_STR_TO_LOWER(Lower)

} // namespace casing

BOOST_AUTO_TEST_CASE(a_schema_reads_its_str_in_pydantic_case)
{
    BOOST_TEST(test_support::read<casing::Upper>(R"({"s": "straße"})").s == "STRASSE");
    BOOST_TEST(test_support::read<casing::Lower>(R"({"s": "ΟΔΟΣ"})").s == "οδος");
    // A changed str is written back otherwise than read; an unchanged one is not.
    casing::Lower out;
    auto normalized = agent_engine::from_json_normalized(R"({"s": "ΟΔΟΣ"})", out);
    BOOST_REQUIRE(normalized.has_value());
    BOOST_TEST(normalized.value());
    normalized = agent_engine::from_json_normalized(R"({"s": "οδος"})", out);
    BOOST_REQUIRE(normalized.has_value());
    BOOST_TEST(!normalized.value());
    BOOST_TEST(out.s == "οδος");
}
