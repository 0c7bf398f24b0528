#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_ONE_OF_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_ONE_OF_HPP

// one_of: the value is one of the listed strings or numbers (pydantic's Literal).
// It reads a member's value itself (read), so that any other value, of any JSON
// type, is a literal_error, as in pydantic.

#include <agent_engine/core/constraints/kind.hpp>

#include <boost/json/array.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace agent_engine {
namespace constraints {

template <class L, std::size_t N> struct one_of {
    std::array<L, N> values;
    template <class... A> constexpr explicit one_of(const A&... a) noexcept : values{element(a)...} {}
    template <class A> static constexpr L element(const A& a) noexcept
    {
        if constexpr (std::is_same_v<L, std::string_view>)
            return agent_engine::detail::kept_text(a);
        else
            return L(a);
    }

    template <class V> static constexpr bool require()
    {
        constexpr bool applies = (agent_engine::detail::is_text_v<V> && std::is_same_v<L, std::string_view>) ||
                                 (agent_engine::detail::is_number_v<V> && agent_engine::detail::is_number_v<L>);
        static_assert(applies, "agent_engine: one_of lists strings for a string member, numbers for a number member.");
        return applies;
    }
    template <class V, class Input> bool check(const V& v, validation_context& ctx, const Input& input) const
    {
        if (find(v))
            return true;
        fail(ctx, input);
        return false;
    }

    // The member's value is read by one_of itself, as pydantic's Literal reads it
    // (detail::read_constrained): whatever its JSON type, a value not listed is a
    // literal_error, not the member type's error, and a listed number takes an
    // equal one of another JSON type: 1.0, and true, for 1 (Python's True == 1).
    // An integer beyond int64 is int_parsing_size, as pydantic's literal of ints says.
    static constexpr bool reads_input = true;
    template <class Reader, class V> bool read(Reader& r, V& out, validation_context& ctx) const
    {
        auto take = [&](const auto& x) {
            const L* allowed = find(x);
            if (allowed)
                out = V(*allowed);
            return allowed != nullptr;
        };
        if constexpr (std::is_same_v<L, std::string_view>) {
            if (r.kind() == boost::json::kind::string) {
                std::string_view s = r.get_string();
                if (take(s))
                    return true;
                fail(ctx, [&] { return boost::json::value(s); });
                return false;
            }
        } else {
            bool taken = false;
            switch (r.kind()) {
            case boost::json::kind::bool_: taken = take(std::int64_t(r.get_bool())); break;
            case boost::json::kind::int64: taken = take(r.get_int64()); break;
            case boost::json::kind::uint64: {
                std::uint64_t u = r.get_uint64();
                taken = take(u);
                if (!taken && std::is_integral_v<L> &&
                    u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
                    ctx.fail(error_type::int_parsing_size, [&] { return r.capture(); });
                    return false;
                }
                break;
            }
            case boost::json::kind::double_: taken = take(r.get_double()); break;
            default: break;
            }
            if (taken)
                return true;
        }
        fail(ctx, [&] { return r.capture(); });
        return false;
    }

private:
    template <class X> static bool equal(const X& x, const L& allowed)
    {
        if constexpr (std::is_same_v<L, std::string_view>)
            return std::string_view(x) == allowed;
        else if constexpr (std::is_integral_v<L> && std::is_integral_v<X>)
            return std::cmp_equal(x, allowed);
        else
            return static_cast<long double>(x) == static_cast<long double>(allowed);
    }
    // The listed value equal to x, if any.
    template <class X> const L* find(const X& x) const
    {
        for (auto const& allowed : values)
            if (equal(x, allowed))
                return &allowed;
        return nullptr;
    }
    // literal_error, with `input()`, pydantic's input value.
    template <class Input> void fail(validation_context& ctx, Input&& input) const
    {
        ctx.fail(error_type::literal_error, [&] {
            std::string expected = agent_engine::detail::join_alternatives(values, [](std::string& out, const L& x) {
                if constexpr (std::is_same_v<L, std::string_view>)
                    agent_engine::detail::append_python_str(out, x);
                else
                    agent_engine::detail::append_python_repr(out, agent_engine::detail::number_value(x));
            });
            return validation_context::error_details{input(), {{"expected", expected}}};
        });
    }

public:
    template <class V> void annotate(boost::json::object& s) const
    {
        boost::json::array e;
        for (auto const& x : values) {
            if constexpr (std::is_same_v<L, std::string_view>)
                e.emplace_back(x);
            else
                e.push_back(agent_engine::detail::number_value(x));
        }
        s["enum"] = std::move(e);
    }
};

namespace detail_one_of {
template <class A> struct literal {
    using type = A;
};
template <> struct literal<const char*> {
    using type = std::string_view;
};
template <> struct literal<char*> {
    using type = std::string_view;
};
template <> struct literal<std::string> { // rejected by the constructor, with the reason
    using type = std::string_view;
};
} // namespace detail_one_of

template <class A, class... R>
one_of(A, R...) -> one_of<typename detail_one_of::literal<A>::type, 1 + sizeof...(R)>;

} // namespace constraints
} // namespace agent_engine

#endif
