// Must not compile: an AGENT_ENGINE_ENUM_VALUE or AGENT_ENGINE_INT_ENUM the
// library cannot use, each case picked by its definition:
//   CASE_NO_SUCH_ENUMERATOR       a rename of an enumerator the enum does not have
//   CASE_UNDESCRIBED_ENUMERATOR   a rename of one BOOST_DESCRIBE_ENUM does not list
//   CASE_SAME_JSON_VALUE          a rename equal to another enumerator's name
//   CASE_SAME_RENAME              two renames to one value
//   CASE_RENAME_NOT_AN_ENUM       a rename for a described struct
//   CASE_RENAME_UNDESCRIBED_ENUM  a rename for an enum BOOST_DESCRIBE_ENUM does not describe
//   CASE_INT_ENUM_NOT_AN_ENUM     AGENT_ENGINE_INT_ENUM for a described struct
//   CASE_RENAMED_INT_ENUM         a rename of an AGENT_ENGINE_INT_ENUM's enumerator
// Without a case it compiles (core_compile_fail.enum_value_control).
#include <agent_engine/agent_engine.hpp>

namespace app {
enum class Status { pending, in_progress, done, hidden };
BOOST_DESCRIBE_ENUM(Status, pending, in_progress, done)
enum class Plain { a, b };
struct Record {
    Status status = Status::pending;
    int in_progress = 0;
};
BOOST_DESCRIBE_STRUCT(Record, (), (status, in_progress))

#if defined(CASE_NO_SUCH_ENUMERATOR)
AGENT_ENGINE_ENUM_VALUE(Status, nosuch, "no-such")
#elif defined(CASE_UNDESCRIBED_ENUMERATOR)
AGENT_ENGINE_ENUM_VALUE(Status, hidden, "hidden!")
#elif defined(CASE_SAME_JSON_VALUE)
AGENT_ENGINE_ENUM_VALUE(Status, in_progress, "done")
#elif defined(CASE_SAME_RENAME)
AGENT_ENGINE_ENUM_VALUE(Status, pending, "open")
AGENT_ENGINE_ENUM_VALUE(Status, in_progress, "open")
#elif defined(CASE_RENAME_NOT_AN_ENUM)
AGENT_ENGINE_ENUM_VALUE(Record, in_progress, "in-progress")
#elif defined(CASE_RENAME_UNDESCRIBED_ENUM)
AGENT_ENGINE_ENUM_VALUE(Plain, a, "A")
#elif defined(CASE_INT_ENUM_NOT_AN_ENUM)
AGENT_ENGINE_INT_ENUM(Record)
#elif defined(CASE_RENAMED_INT_ENUM)
AGENT_ENGINE_INT_ENUM(Status)
AGENT_ENGINE_ENUM_VALUE(Status, in_progress, "in-progress")
#else
AGENT_ENGINE_ENUM_VALUE(Status, in_progress, "in-progress")
#endif
} // namespace app

bool reads() { return agent_engine::from_json<app::Record>(R"({"status": "done"})").has_value(); }
