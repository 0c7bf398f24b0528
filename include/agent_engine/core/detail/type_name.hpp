#ifndef AGENT_ENGINE_CORE_DETAIL_TYPE_NAME_HPP
#define AGENT_ENGINE_CORE_DETAIL_TYPE_NAME_HPP

#include <string_view>

namespace agent_engine::detail {

// The compiler's spelling of T, read from the signature of this function.
template <class T> constexpr std::string_view qualified_type_name() noexcept
{
    std::string_view sig = __PRETTY_FUNCTION__;
    auto start = sig.find("T = ") + 4;
    auto end = sig.find_first_of(";]", start);
    return sig.substr(start, end - start);
}

// "ns::inner::Task" -> "Task"; a template keeps its arguments: "ns::Box<ns::A>" -> "Box<ns::A>".
template <class T> constexpr std::string_view unqualified_type_name() noexcept
{
    std::string_view name = qualified_type_name<T>();
    std::size_t depth = 0, start = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        if (c == '<')
            ++depth;
        else if (c == '>')
            --depth;
        else if (depth == 0 && c == ':' && i + 1 < name.size() && name[i + 1] == ':')
            start = i + 2;
    }
    return name.substr(start);
}

} // namespace agent_engine::detail

#endif
