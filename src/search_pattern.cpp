// The regex engine behind the `pattern` constraint, compiled once here rather
// than parsed by every translation unit that includes a schema.
#include <agent_engine/core/constraints/pattern.hpp>

#include <boost/regex.hpp> // header-only since Boost 1.76: no library to link

#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace agent_engine::detail {

pattern_search search_pattern(std::string_view pattern, std::string_view s)
{
    struct compiled {
        std::optional<boost::regex> regex;
        std::string error;
    };
    try {
        static std::mutex mutex;
        static std::map<std::string, compiled, std::less<>> cache;
        const compiled* entry;
        {
            std::lock_guard lock(mutex);
            auto found = cache.find(pattern);
            if (found == cache.end()) {
                compiled c;
                try {
                    // ^ and $ at the ends of the string only, . not across a newline:
                    // as ECMAScript and pydantic (Rust regex), unlike Boost's Perl default.
                    c.regex.emplace(pattern.begin(), pattern.end(),
                                    boost::regex::ECMAScript | boost::regex::no_mod_m | boost::regex::no_mod_s);
                } catch (const std::exception& e) {
                    c.error = e.what();
                }
                found = cache.emplace(std::string(pattern), std::move(c)).first;
            }
            entry = &found->second; // map nodes never move; entries are never erased
        }
        if (!entry->regex)
            return {false, entry->error};
        return {boost::regex_search(s.begin(), s.end(), *entry->regex), std::nullopt};
    } catch (const std::exception& e) {
        return {false, std::string(e.what())};
    } catch (...) {
        return {false, std::string("unknown error")};
    }
}


} // namespace agent_engine::detail
