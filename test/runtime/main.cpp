#define BOOST_TEST_MODULE runtime_tasks
#include <boost/test/unit_test.hpp>
