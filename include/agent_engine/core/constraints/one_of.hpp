#ifndef AGENT_ENGINE_CORE_CONSTRAINTS_ONE_OF_HPP
#define AGENT_ENGINE_CORE_CONSTRAINTS_ONE_OF_HPP

// one_of: the value is one of the listed strings or numbers (pydantic's Literal).

#include <agent_engine/core/constraints/kind.hpp>

#include <boost/json/array.hpp>

#include <array>
#include <cstddef>
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

    template <class V> static void require()
    {
        static_assert((agent_engine::detail::is_text_v<V> && std::is_same_v<L, std::string_view>) ||
                          (agent_engine::detail::is_number_v<V> && agent_engine::detail::is_number_v<L>),
                      "agent_engine: one_of lists strings for a string member, numbers for a number member.");
    }
    template <class V> bool check(const V& v, validation_context& ctx) const
    {
        require<V>();
        for (auto const& allowed : values) {
            if constexpr (std::is_same_v<L, std::string_view>) {
                if (std::string_view(v) == allowed)
                    return true;
            } else if constexpr (std::is_integral_v<L> && std::is_integral_v<V>) {
                if (std::cmp_equal(v, allowed))
                    return true;
            } else if (static_cast<long double>(v) == static_cast<long double>(allowed)) {
                return true;
            }
        }
        ctx.fail(error_type::literal_error, [&] {
            std::string expected = agent_engine::detail::join_alternatives(values, [](std::string& out, const L& x) {
                if constexpr (std::is_same_v<L, std::string_view>)
                    agent_engine::detail::append_python_str(out, x);
                else
                    agent_engine::detail::append_number(out, x);
            });
            return validation_context::error_details{agent_engine::detail::as_input(v), {{"expected", expected}}};
        });
        return false;
    }
    template <class V> void annotate(boost::json::object& s) const
    {
        require<V>();
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
