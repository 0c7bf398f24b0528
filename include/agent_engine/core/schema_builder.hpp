#ifndef AGENT_ENGINE_CORE_SCHEMA_BUILDER_HPP
#define AGENT_ENGINE_CORE_SCHEMA_BUILDER_HPP

// schema_builder: what a json_rule's `schema` member writes into while
// json_schema<T>() runs. A rule returns its JSON Schema; a rule for a named type
// (a described struct or enum) instead defines it once under "$defs" and
// returns {"$ref": "#/$defs/Name"}, which also makes recursive schemas finite.

#include <boost/json/object.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>

#include <map>
#include <string>
#include <string_view>

namespace agent_engine {

class schema_builder {
    struct definition {
        std::string_view identity; // the qualified type name, to tell apart two types of one name
        std::size_t uses = 0;
    };
    boost::json::object defs_;
    std::map<std::string, definition, std::less<>> known_;

    // pydantic's way out of a name clash: the qualified name, "ns::Task" -> "ns__Task".
    static std::string qualified_def_name(std::string_view identity)
    {
        std::string out;
        for (std::size_t i = 0; i < identity.size(); ++i) {
            if (identity[i] == ':' && i + 1 < identity.size() && identity[i + 1] == ':') {
                out += "__";
                ++i;
            } else {
                out += identity[i];
            }
        }
        return out;
    }

public:
    // A property's title as pydantic makes it from its key: "task_id" -> "Task Id".
    static std::string property_title(std::string_view key)
    {
        std::string out;
        bool after_letter = false;
        for (char c : key) {
            bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (letter)
                c = after_letter ? static_cast<char>(c | 0x20) : static_cast<char>(c & ~0x20);
            out += c == '_' ? ' ' : c;
            after_letter = letter;
        }
        auto first = out.find_first_not_of(' ');
        auto last = out.find_last_not_of(' ');
        return first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
    }

    // A reference to the definition of the type `identity`, titled `name`; the
    // first call builds it with make(), which may reference other definitions.
    template <class Make>
    boost::json::value reference(std::string_view name, std::string_view identity, Make&& make)
    {
        std::string def_name(name);
        auto found = known_.find(def_name);
        if (found != known_.end() && found->second.identity != identity) {
            def_name = qualified_def_name(identity);
            found = known_.find(def_name);
        }
        if (found == known_.end()) {
            found = known_.emplace(def_name, definition{identity, 0}).first;
            defs_[def_name] = nullptr; // reserved: a recursive use only references it
            boost::json::value built = make();
            defs_[def_name] = std::move(built);
        }
        ++found->second.uses;
        boost::json::object ref;
        ref.emplace("$ref", "#/$defs/" + def_name);
        return ref;
    }

    // The document for a root schema: the root definition inlined when nothing
    // else refers to it, the others under "$defs".
    boost::json::value finish(boost::json::value root) &&
    {
        boost::json::object out;
        out.emplace("$schema", "https://json-schema.org/draft/2020-12/schema");
        if (auto* ref = root.if_object(); ref && ref->size() == 1 && ref->contains("$ref")) {
            std::string_view target = ref->at("$ref").get_string();
            // a copy: `root` (which owns `target`) is replaced in the loop below
            std::string name(target.substr(target.rfind('/') + 1));
            auto found = known_.find(name);
            if (found != known_.end() && found->second.uses == 1) {
                boost::json::object others; // object::erase would move the last definition into its place
                for (auto& d : defs_) {
                    if (d.key() == name)
                        root = std::move(d.value());
                    else
                        others.emplace(d.key(), std::move(d.value()));
                }
                defs_ = std::move(others);
            }
        }
        for (auto& m : root.as_object())
            out.emplace(m.key(), std::move(m.value()));
        if (!defs_.empty())
            out.emplace("$defs", std::move(defs_));
        return out;
    }
};

} // namespace agent_engine

#endif
