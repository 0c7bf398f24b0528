#define BOOST_TEST_MODULE postgres_store
#include <boost/test/unit_test.hpp>
