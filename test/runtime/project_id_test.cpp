#include <boost/test/unit_test.hpp>

#include <agent_engine/runtime/project_id.hpp>

#include <string>

using agent_engine::extract_project_id;
using agent_engine::is_safe_name;
using agent_engine::is_safe_task_id;

BOOST_AUTO_TEST_SUITE(project_id)

BOOST_AUTO_TEST_CASE(middle_segments_are_the_project)
{
    BOOST_TEST(extract_project_id("task-myproject-abc123") == "myproject");
    BOOST_TEST(extract_project_id("task-user_req_5-def456") == "user_req_5");
    BOOST_TEST(extract_project_id("task-my-multi-part-spec-abc123") == "my-multi-part-spec");
    BOOST_TEST(extract_project_id("task-test_spec-5de8bb8e") == "test_spec");
}

BOOST_AUTO_TEST_CASE(malformed_ids_are_default)
{
    BOOST_TEST(extract_project_id("invalid-format") == "default");
    BOOST_TEST(extract_project_id("nodashes") == "default");
    BOOST_TEST(extract_project_id("") == "default");
    BOOST_TEST(extract_project_id("task--abc") == "default"); // empty middle
}

BOOST_AUTO_TEST_CASE(unsafe_projects_are_default)
{
    BOOST_TEST(extract_project_id("task-..-abc") == "default");
    BOOST_TEST(extract_project_id("task-.-abc") == "default");
    BOOST_TEST(extract_project_id("task-a/b-abc") == "default");
    BOOST_TEST(extract_project_id("task-../../etc-abc") == "default");
    BOOST_TEST(extract_project_id("task-a\\b-abc") == "default");
    BOOST_TEST(extract_project_id(std::string("task-a\0b-abc", 12)) == "default");
    BOOST_TEST(extract_project_id("task-a\nb-abc") == "default");
    BOOST_TEST(extract_project_id("task-" + std::string(256, 'p') + "-abc") == "default");
    BOOST_TEST(extract_project_id("task-" + std::string(255, 'p') + "-abc") == std::string(255, 'p'));
}

BOOST_AUTO_TEST_CASE(safe_names)
{
    BOOST_TEST(is_safe_name("t1"));
    BOOST_TEST(!is_safe_name(""));
    BOOST_TEST(!is_safe_name(".hidden"));
    BOOST_TEST(!is_safe_name("a\x7f"));
    BOOST_TEST(is_safe_task_id(std::string(250, 'x')));
    BOOST_TEST(!is_safe_task_id(std::string(251, 'x'))); // {id}.json would exceed 255 bytes
    BOOST_TEST(!is_safe_task_id("../task-x-1"));
}

// Each range's ends are refused and the code points just outside them are not.
BOOST_AUTO_TEST_CASE(c1_line_separators_and_bidi_controls_are_unsafe)
{
    auto name_with = [](unsigned cp) {
        std::string name = "a";
        agent_engine::detail::append_utf8(name, cp);
        return name + "b";
    };
    for (unsigned cp : {0x80u, 0x9Fu, 0x2028u, 0x2029u, 0x61Cu, 0x200Eu, 0x200Fu, 0x202Au, 0x202Eu, 0x2066u, 0x2069u})
        BOOST_TEST(!is_safe_name(name_with(cp)), "U+" << std::hex << cp << " is refused");
    for (unsigned cp : {0xA0u, 0xE9u, 0x61Bu, 0x200Du, 0x2027u, 0x202Fu, 0x2065u, 0x206Au})
        BOOST_TEST(is_safe_name(name_with(cp)), "U+" << std::hex << cp << " is accepted");
    BOOST_TEST(extract_project_id("task-a" + name_with(0x202E) + "-abc") == "default");
}

BOOST_AUTO_TEST_SUITE_END()
