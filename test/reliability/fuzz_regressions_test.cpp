// Replays every input in fuzz/regressions/ (what the fuzzers found) and the
// fuzzers' seed corpus through the fuzzers' own entry points, with whatever
// compiler builds the suite: a regression aborts this test.

#include <boost/test/unit_test.hpp>

#include "../../fuzz/entry_points.hpp"
#include "../schemas/fixtures.hpp"

namespace fs = std::filesystem;

BOOST_AUTO_TEST_CASE(every_recorded_fuzz_input_passes_every_entry_point)
{
    std::vector<fs::path> inputs = fixtures::all();
    for (auto const& e : fs::directory_iterator(AGENT_ENGINE_FUZZ_REGRESSIONS))
        inputs.push_back(e.path());
    BOOST_TEST(inputs.size() > fixtures::all().size());
    for (auto const& input : inputs) {
        BOOST_TEST_CONTEXT(input.filename())
        {
            std::string bytes = fixtures::read(input);
            agent_engine::fuzz::task_from_json(bytes);
            agent_engine::fuzz::task_metadata(bytes);
            agent_engine::fuzz::load_checkpoint_file(bytes);
            agent_engine::fuzz::standard_types_from_json(bytes);
        }
    }
}
