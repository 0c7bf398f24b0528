#define BOOST_TEST_MODULE agent_engine reliability
#include <boost/test/unit_test.hpp>
