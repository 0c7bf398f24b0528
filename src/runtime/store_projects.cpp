// The projects an operation over a store works on, and their documents.
#include <agent_engine/runtime/detail/store_projects.hpp>

#include <algorithm>

namespace agent_engine::detail {

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
    return make_error(EngineErrorCode::not_found, EngineErrorSource::task_manager, "project_not_found", std::move(message),
                      {{"projects", std::move(missing)}});
}


Result<listed_documents> list_documents(const task_store& store, std::span<const std::string> projects)
{
    listed_documents listed;
    for (auto const& project : projects) {
        BOOST_OUTCOME_TRY(auto ids, store.list(project));
        listed.total += ids.size();
        listed.ids.push_back(std::move(ids));
    }
    return listed;
}

} // namespace agent_engine::detail
