#ifndef AGENT_ENGINE_CORE_EXTRA_MEMBERS_HPP
#define AGENT_ENGINE_CORE_EXTRA_MEMBERS_HPP

// extra_members: the members of an input object that its schema does not
// describe, kept by AGENT_ENGINE_ALLOW_EXTRA (pydantic's extra='allow' and its
// model_extra), in input order, key -> JSON value, not validated. Each remembers
// the declared member it preceded in the input, and is written back before it;
// one that no declared member followed is written after them all, as pydantic
// writes every extra. So a document written by a newer schema and saved again by
// an older one keeps its keys in their order.

#include <agent_engine/core/ordered_map.hpp>

#include <boost/json/value.hpp>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace agent_engine {

class extra_members {
public:
    // The place of a member set by the program: after every declared member.
    static constexpr std::size_t at_end = std::numeric_limits<std::size_t>::max();

    using const_iterator = ordered_map<std::string, boost::json::value>::const_iterator;
    const_iterator begin() const noexcept { return values_.begin(); }
    const_iterator end() const noexcept { return values_.end(); }
    std::size_t size() const noexcept { return values_.size(); }
    bool empty() const noexcept { return values_.empty(); }

    // The value of `key`, or nullptr.
    const boost::json::value* find(const std::string& key) const
    {
        auto it = values_.find(key);
        return it == values_.end() ? nullptr : &it->second;
    }
    boost::json::value* find(const std::string& key)
    {
        auto it = values_.find(key);
        return it == values_.end() ? nullptr : &it->second;
    }
    bool contains(const std::string& key) const { return values_.contains(key); }

    // Sets `key` to `value`: a new key is written after the declared members, an
    // existing one keeps its place. A key equal to a declared member's JSON key
    // would be written twice: the library never reads one so.
    void set(const std::string& key, boost::json::value value)
    {
        if (values_.insert_or_assign(key, std::move(value)).second)
            places_.push_back(at_end);
    }
    // Writes the members from the one numbered `first` (in order) on before the
    // declared member numbered `place` (in BOOST_DESCRIBE_STRUCT's order, bases first).
    void place_from(std::size_t first, std::size_t place)
    {
        std::fill(places_.begin() + static_cast<std::ptrdiff_t>(first), places_.end(), place);
    }
    bool erase(const std::string& key)
    {
        auto it = values_.find(key);
        if (it == values_.end())
            return false;
        places_.erase(places_.begin() + (it - values_.begin()));
        return values_.erase(key) == 1;
    }
    void clear() noexcept
    {
        values_.clear();
        places_.clear();
    }

    // Calls f(key, value) for each member whose place is `place` (for at_end:
    // at_end or past the last declared member, `place`), in order.
    template <class F> void for_each_at(std::size_t place, bool last, F&& f) const
    {
        auto p = places_.begin();
        for (auto const& [key, value] : values_) {
            if (*p == place || (last && *p > place))
                f(key, value);
            ++p;
        }
    }

    // Equal when they hold the same members in the same order, wherever they are written.
    friend bool operator==(const extra_members& a, const extra_members& b) { return a.values_ == b.values_; }

private:
    ordered_map<std::string, boost::json::value> values_;
    std::vector<std::size_t> places_; // per value, in order: the declared member it precedes
};

} // namespace agent_engine

#endif
