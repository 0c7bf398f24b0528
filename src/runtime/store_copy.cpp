#include <agent_engine/runtime/detail/progress_count.hpp>
#include <agent_engine/runtime/detail/projects_named.hpp>
#include <agent_engine/runtime/store_copy.hpp>

#include <algorithm>

namespace agent_engine {
namespace {

constexpr auto source = EngineErrorSource::task_manager;

} // namespace

namespace detail {

Result<std::vector<std::string>> projects_named(const task_store& store, const std::vector<std::string>& named,
                                                std::string_view store_name)
{
    BOOST_OUTCOME_TRY(auto held, store.list_projects());
    if (named.empty())
        return held;
    boost::json::array missing;
    std::string list;
    for (auto const& p : named) {
        if (std::binary_search(held.begin(), held.end(), p))
            continue;
        list += (missing.empty() ? "'" : ", '") + p + "'";
        missing.emplace_back(p);
    }
    if (missing.empty())
        return named;
    std::string message = (missing.size() == 1 ? "No project " : "No projects ") + list + " in the " +
                          std::string(store_name);
    return make_error(EngineErrorCode::not_found, source, "project_not_found", std::move(message),
                      {{"projects", std::move(missing)}});
}

} // namespace detail

Result<copy_result> copy_documents(const task_store& from, task_store& to, const copy_options& options)
{
    copy_result result;
    BOOST_OUTCOME_TRY(result.projects, detail::projects_named(from, options.projects, "source store"));
    // Listed first, so that progress has its total.
    std::vector<std::vector<std::string>> ids;
    std::size_t total = 0;
    for (auto const& project : result.projects) {
        BOOST_OUTCOME_TRY(auto listed, from.list(project));
        total += listed.size();
        ids.push_back(std::move(listed));
    }
    detail::progress_count progress(options.progress, "copy", total);
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
