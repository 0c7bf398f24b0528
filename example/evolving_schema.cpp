// example/evolving_schema.cpp: checkpoints written by older versions of a schema
// resume under the current one, and a store is brought forward in place.
#include <agent_engine/agent_engine.hpp>

#include <boost/describe/enum_to_string.hpp>

#include <charconv>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace crawl {

// Version 2 renamed "url" to "start_url".
agent_engine::Result<void> rename_url(boost::json::object& doc)
{
    agent_engine::rename_key(doc, "url", "start_url");
    return boost::outcome_v2::success();
}

// Version 3 counts pages with a number where version 2 wrote a string ("12").
agent_engine::Result<void> count_pages(boost::json::object& doc)
{
    auto* pages = doc.if_contains("pages_done");
    if (!pages || !pages->is_string())
        return boost::outcome_v2::success();
    std::string_view text = pages->get_string();
    int n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size())
        return agent_engine::migration_error("not a page count: '" + std::string(text) + "'", {"pages_done"});
    *pages = n;
    return boost::outcome_v2::success();
}

struct Crawl {
    int schema_version = 3;
    std::string start_url;
    int pages_done = 0;
};
BOOST_DESCRIBE_STRUCT(Crawl, (), (schema_version, start_url, pages_done))
AGENT_ENGINE_REQUIRED(Crawl, start_url)
AGENT_ENGINE_SCHEMA_VERSION(Crawl, schema_version, 3) // a document without it is version 1
AGENT_ENGINE_MIGRATION(Crawl, 1, rename_url)   // 1 -> 2
AGENT_ENGINE_MIGRATION(Crawl, 2, count_pages)  // 2 -> 3

} // namespace crawl

int main()
{
    namespace fs = std::filesystem;
    fs::path root = fs::temp_directory_path() / ("evolving_schema_" + std::to_string(::getpid()));
    agent_engine::file_task_store store(root);
    auto compact = agent_engine::json_format::compact();

    // Checkpoints left by older builds: version 1 (no version member) and version 2.
    (void)store.put("crawls", "crawl-1", R"({"url": "https://example.org", "pages_done": "12"})");
    (void)store.put("crawls", "crawl-2", R"({"schema_version": 2, "start_url": "https://example.net", "pages_done": "7"})");

    // Reading migrates in memory; the next save writes the current version.
    auto resumed = agent_engine::get_document<crawl::Crawl>(store, "crawls", "crawl-1");
    if (!resumed) {
        std::cerr << resumed.error().message << '\n';
        return 1;
    }
    std::cout << "resuming " << resumed.value().start_url << " after " << resumed.value().pages_done << " pages\n";
    resumed.value().pages_done += 3;
    (void)agent_engine::put_document(store, "crawls", "crawl-1", resumed.value(), compact);
    std::cout << store.get("crawls", "crawl-1").value() << '\n';

    // Bring the rest of the store forward, each checkpoint replaced atomically.
    agent_engine::migrate_options options;
    options.format = compact;
    auto report = agent_engine::migrate_documents(store, agent_engine::schema_migrator_for<crawl::Crawl>(), options);
    for (auto const& d : report.value().documents)
        std::cout << d.task_id << ": " << boost::describe::enum_to_string(d.outcome, "?") << ", was version "
                  << d.from_version << '\n';
    std::cout << store.get("crawls", "crawl-2").value() << '\n';

    // What cannot be migrated, or is newer than this program, is refused, not misread.
    std::cout << agent_engine::from_json<crawl::Crawl>(R"({"url": "x", "pages_done": "twelve"})").error().message
              << '\n';
    std::cout << agent_engine::from_json<crawl::Crawl>(R"({"schema_version": 4, "start_url": "x"})").error().message
              << '\n';
    fs::remove_all(root);
}
