// Must not compile: a representation<T> the library cannot use, each case
// picked by its definition:
//   CASE_ALSO_JSON_RULE   T has a json_rule specialization too (which one wins?)
//   CASE_DESCRIBED        T is a described struct, which has the library's rule
//   CASE_NO_RULE          `to` returns a type that has no JSON rule
//   CASE_FROM_MISMATCH    `from` does not return converted<T>
#include <agent_engine/agent_engine.hpp>

#include <string>
#include <string_view>

struct Custom {
    int n = 0;
};
struct NoRule {
    int n = 0;
};

#if defined(CASE_DESCRIBED)
BOOST_DESCRIBE_STRUCT(Custom, (), (n))
#endif

template <> struct agent_engine::representation<Custom> {
#if defined(CASE_NO_RULE)
    static NoRule to(const Custom& c) { return {c.n}; }
    static agent_engine::converted<Custom> from(const NoRule& r) { return Custom{r.n}; }
#elif defined(CASE_FROM_MISMATCH)
    static std::string to(const Custom&) { return "c"; }
    static Custom from(std::string_view) { return {}; }
#else
    static std::string to(const Custom&) { return "c"; }
    static agent_engine::converted<Custom> from(std::string_view) { return Custom{}; }
#endif
};

#if defined(CASE_ALSO_JSON_RULE)
template <> struct agent_engine::json_rule<Custom> {
    template <class Writer> static void write(Writer& w, const Custom&) { w.string("c"); }
    template <class Reader> static void read(Reader& r, Custom&, validation_context&) { r.skip(); }
    static std::string label() { return "Custom"; }
    static boost::json::value schema(schema_builder&) { return {{"type", "string"}}; }
};
#endif

struct Schema {
    Custom custom;
};
BOOST_DESCRIBE_STRUCT(Schema, (), (custom))

std::string writes() { return agent_engine::to_json(Schema{}); }
bool reads() { return agent_engine::from_json<Schema>("{}").has_value(); }
