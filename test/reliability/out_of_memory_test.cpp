// Memory that runs out in the middle of a read: the read throws std::bad_alloc
// (which the stores turn into an error) or, where the library needed no more,
// returns what it would have returned; it never terminates the program. Each
// allocation of a read that records errors fails in turn, the ones made where
// an error's location is built (as a scope ends, in a destructor) among them.

#include <boost/test/unit_test.hpp>

#include "allocation_counter.hpp"

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/schemas/task.hpp>

#include <new>
#include <string>

using namespace agent_engine;

namespace {

// A Task whose errors lie two and three levels down.
const std::string text = R"({"task_id": "task-p-1", "spec": {"task_spec_id": "p", "request": 7}, "pipeline_id": "x",
    "routing_trace": [{"stage_id": "a"}, {"stage_id": 5, "decision": []}]})";

// The message of the read's error (empty if the text read).
std::string read_error()
{
    auto read = from_json<Task>(text);
    return read ? std::string() : read.error().message;
}

} // namespace

BOOST_AUTO_TEST_CASE(an_allocation_failing_anywhere_in_a_read_with_errors_throws_bad_alloc_or_changes_nothing)
{
    const std::string expected = read_error();
    BOOST_TEST(expected.find("routing_trace.1.stage_id") != std::string::npos);
    std::size_t allocations = 0;
    {
        allocation_counter::scope counting;
        read_error();
        allocations = counting.allocations();
    }
    BOOST_TEST_REQUIRE(allocations > 10);
    std::size_t threw = 0;
    for (std::size_t n = 0; n < allocations; ++n) {
        std::string message;
        try {
            allocation_counter::scope counting;
            counting.fail_allocation(n);
            message = read_error();
        } catch (const std::bad_alloc&) {
            ++threw;
            continue;
        }
        BOOST_TEST(message == expected, "allocation " << n << " failed and the read said something else");
    }
    BOOST_TEST(threw > 0);
}
