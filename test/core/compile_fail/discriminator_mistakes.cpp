// Must not compile: a tagged union the library cannot read, each case picked by
// its definition (none: the file builds):
//   CASE_NOT_A_VARIANT     discriminator<"kind">() on a member that is no std::variant
//   CASE_NO_TAG_MEMBER     an alternative without a member of that name
//   CASE_TAG_NOT_LITERAL   an alternative whose tag member is not declared one_of(...)
//   CASE_KEYS_DIFFER       the tag member under another JSON key in one alternative
//   CASE_DUPLICATE_TAG     two alternatives listing the same tag
#include <agent_engine/agent_engine.hpp>

#include <string>
#include <variant>

namespace app {
struct Click {
    std::string kind = "click";
    int x = 0;
};
BOOST_DESCRIBE_STRUCT(Click, (), (kind, x))
AGENT_ENGINE_CONSTRAINTS(Click, kind, one_of("click"))

struct Key {
#if defined(CASE_NO_TAG_MEMBER)
    std::string type = "key";
#else
    std::string kind = "key";
#endif
    std::string code;
};
#if defined(CASE_NO_TAG_MEMBER)
BOOST_DESCRIBE_STRUCT(Key, (), (type, code))
#else
BOOST_DESCRIBE_STRUCT(Key, (), (kind, code))
#if defined(CASE_DUPLICATE_TAG)
AGENT_ENGINE_CONSTRAINTS(Key, kind, one_of("key", "click"))
#elif !defined(CASE_TAG_NOT_LITERAL)
AGENT_ENGINE_CONSTRAINTS(Key, kind, one_of("key"))
#endif
#if defined(CASE_KEYS_DIFFER)
AGENT_ENGINE_ALIAS(Key, kind, "Kind")
#endif
#endif

struct Event {
    std::variant<Click, Key> payload;
    std::string source;
};
BOOST_DESCRIBE_STRUCT(Event, (), (payload, source))
#if defined(CASE_NOT_A_VARIANT)
AGENT_ENGINE_CONSTRAINTS(Event, source, discriminator<"kind">())
#else
AGENT_ENGINE_CONSTRAINTS(Event, payload, discriminator<"kind">())
#endif
} // namespace app

bool reads() { return agent_engine::from_json<app::Event>("{}").has_value(); }
