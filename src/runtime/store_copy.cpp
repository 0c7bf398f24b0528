#include <agent_engine/runtime/detail/progress_count.hpp>
#include <agent_engine/runtime/detail/store_projects.hpp>
#include <agent_engine/runtime/store_copy.hpp>

namespace agent_engine {
namespace {

constexpr auto source = EngineErrorSource::task_manager;

} // namespace


Result<copy_result> copy_documents(const task_store& from, task_store& to, const copy_options& options)
{
    copy_result result;
    BOOST_OUTCOME_TRY(result.projects, detail::projects_named(from, options.projects, "source store"));
    BOOST_OUTCOME_TRY(auto listed, detail::list_documents(from, result.projects));
    auto const& ids = listed.ids;
    detail::progress_count progress(options.progress, "copy", listed.total);
    for (std::size_t p = 0; p < result.projects.size(); ++p) {
        std::string_view project = result.projects[p];
        for (auto const& id : ids[p]) {
            // An error about the document at both ends.
            auto mismatch = [&](EngineErrorCode code, const char* error_id, auto message) {
                std::string here = from.location(project, id), there = to.location(project, id);
                return make_error(code, source, error_id, message(here, there), {{"path", there}, {"source", here}});
            };
            BOOST_OUTCOME_TRY(auto bytes, from.get(project, id));
            auto held = to.get(project, id);
            if (!held && held.error().code != EngineErrorCode::not_found)
                return std::move(held).error();
            if (held && held.value() == bytes) {
                ++result.unchanged;
            } else if (held && !options.overwrite) {
                result.refused.push_back(mismatch(EngineErrorCode::validation, "destination_differs",
                                                  [](const std::string& here, const std::string& there) {
                                                      return "Kept " + there + ": it differs from " + here +
                                                             " (copy with overwrite to replace it)";
                                                  }));
            } else {
                BOOST_OUTCOME_TRYV(to.put(project, id, bytes));
                BOOST_OUTCOME_TRY(auto back, to.get(project, id));
                if (back != bytes)
                    return mismatch(EngineErrorCode::io, "copy_differs",
                                    [](const std::string& here, const std::string& there) {
                                        return "Copied " + here + " to " + there + ", which reads back with other bytes";
                                    });
                ++result.copied;
            }
            progress.advance();
        }
    }
    return result;
}

} // namespace agent_engine
