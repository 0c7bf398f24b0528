// Must not compile: a character type where a JSON value is read, which is
// neither text (std::string) nor a number (std::int8_t), each case picked by
// its definition:
//   CASE_CHAR           a char member
//   CASE_ARRAY_OF_CHAR  a std::array<char, N> member
#include <agent_engine/agent_engine.hpp>

#include <array>

struct Schema {
#if defined(CASE_CHAR)
    char letter = 'a';
#elif defined(CASE_ARRAY_OF_CHAR)
    std::array<char, 4> code{};
#endif
    int n = 0;
};
#if defined(CASE_CHAR)
BOOST_DESCRIBE_STRUCT(Schema, (), (letter, n))
#elif defined(CASE_ARRAY_OF_CHAR)
BOOST_DESCRIBE_STRUCT(Schema, (), (code, n))
#else
BOOST_DESCRIBE_STRUCT(Schema, (), (n))
#endif

bool reads() { return agent_engine::from_json<Schema>("{}").has_value(); }
