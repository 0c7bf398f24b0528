// `agent-tasks report` run as a process, its pages rendered by a real browser:
// Debian's chromium, headless (scripts/install-deps installs it). The DOM it
// builds is checked, with JavaScript on and off, and screenshots are kept
// in the build tree as artefacts (AGENT_ENGINE_ARTEFACTS).
#define BOOST_TEST_MODULE cli_report
#include <boost/test/unit_test.hpp>

#include "../schemas/fixtures.hpp"
#include "report_tasks.hpp"

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/runtime/project_id.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <unistd.h>

#include <csignal>
#include <cstring>
#include <deque>
#include <iostream>

extern char** environ;

namespace fs = std::filesystem;
using agent_engine::Task;
using report_tasks::contains;
using report_tasks::count;

namespace {

struct outcome {
    int status;
    std::string out;
    std::string err;
};

// A child process: argv[0] found on PATH, its stdout and stderr into files of
// `dir`, `env` ("NAME=value") replacing those variables of this process's
// environment, and each of `fds` ({fd in the child, fd here}) handed over.
class child {
    pid_t pid_ = 0;
    fs::path out_, err_;
    std::string name_;

public:
    child(std::vector<std::string> argv, const fs::path& dir, const std::vector<std::string>& env = {},
          const std::vector<std::pair<int, int>>& fds = {})
        : out_(dir / "stdout"), err_(dir / "stderr"), name_(argv[0])
    {
        std::vector<std::string> variables = env;
        for (char** e = environ; *e; ++e)
            if (std::ranges::none_of(env, [&](auto& v) { return std::strncmp(*e, v.c_str(), v.find('=') + 1) == 0; }))
                variables.emplace_back(*e);
        auto pointers = [](std::vector<std::string>& strings) {
            std::vector<char*> out;
            for (auto& s : strings)
                out.push_back(s.data());
            out.push_back(nullptr);
            return out;
        };
        auto arg_ptrs = pointers(argv), env_ptrs = pointers(variables);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&actions, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        for (auto [to, from] : fds)
            posix_spawn_file_actions_adddup2(&actions, from, to);
        int rc = posix_spawnp(&pid_, argv[0].c_str(), &actions, nullptr, arg_ptrs.data(), env_ptrs.data());
        posix_spawn_file_actions_destroy(&actions);
        BOOST_REQUIRE_MESSAGE(rc == 0, "cannot run " << argv[0] << ": " << std::strerror(rc)
                                                     << " (chromium: bash scripts/install-deps installs it)");
    }

    outcome wait()
    {
        int status = 0;
        BOOST_REQUIRE(::waitpid(pid_, &status, 0) == pid_);
        BOOST_REQUIRE_MESSAGE(WIFEXITED(status), name_ << " was killed by signal " << WTERMSIG(status));
        return {WEXITSTATUS(status), fixtures::read(out_), fixtures::read(err_)};
    }
};

outcome run(const std::vector<std::string>& argv, const fs::path& dir, const std::vector<std::string>& env = {})
{
    return child(argv, dir, env).wait();
}

// chromium driven over its DevTools pipe (--remote-debugging-pipe: it reads
// commands on fd 3 and writes replies and events on fd 4, each a JSON text
// ended by a NUL), for what --dump-dom cannot do: read the DOM of a page with
// JavaScript off (--dump-dom reads it with a script, which is then refused).
class devtools {
    int to_ = -1, from_ = -1;
    std::optional<child> chromium_;
    std::string buffer_;
    std::deque<boost::json::object> events_;
    std::int64_t last_id_ = 0;

    boost::json::object next()
    {
        std::size_t end;
        while ((end = buffer_.find('\0')) == std::string::npos) {
            char chunk[65536];
            ssize_t n = ::read(from_, chunk, sizeof chunk);
            BOOST_REQUIRE_MESSAGE(n > 0, "chromium closed its DevTools pipe");
            buffer_.append(chunk, static_cast<std::size_t>(n));
        }
        auto message = agent_engine::parse_json(std::string_view(buffer_).substr(0, end));
        buffer_.erase(0, end + 1);
        BOOST_REQUIRE(message && message.value().is_object());
        return std::move(message).value().as_object();
    }

public:
    devtools(std::vector<std::string> argv, const fs::path& dir, const std::vector<std::string>& env)
    {
        std::signal(SIGPIPE, SIG_IGN); // a write to a browser that died fails, and says so
        int commands[2], replies[2];
        BOOST_REQUIRE(::pipe2(commands, O_CLOEXEC) == 0 && ::pipe2(replies, O_CLOEXEC) == 0);
        argv.push_back("--remote-debugging-pipe");
        chromium_.emplace(argv, dir, env, std::vector<std::pair<int, int>>{{3, commands[0]}, {4, replies[1]}});
        ::close(commands[0]);
        ::close(replies[1]);
        to_ = commands[1];
        from_ = replies[0];
    }
    devtools(const devtools&) = delete;
    devtools& operator=(const devtools&) = delete;
    ~devtools()
    {
        ::close(to_);
        ::close(from_);
    }

    // Sends a command (to a page's `session`, else to the browser) and returns its result.
    boost::json::object call(std::string_view method, boost::json::object params = {}, std::string_view session = {})
    {
        boost::json::object command{{"id", ++last_id_}, {"method", method}, {"params", std::move(params)}};
        if (!session.empty())
            command.emplace("sessionId", session);
        std::string text = agent_engine::serialize(command, agent_engine::json_format::compact()) + '\0';
        BOOST_REQUIRE(::write(to_, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
        for (;;) {
            auto message = next();
            if (!message.contains("id")) {
                events_.push_back(std::move(message));
                continue;
            }
            BOOST_REQUIRE(message.at("id") == last_id_);
            BOOST_REQUIRE_MESSAGE(!message.contains("error"), method << ": " << agent_engine::serialize(message));
            return message.at("result").as_object();
        }
    }

    // Waits for the event `method` of `session`.
    void wait_for(std::string_view method, std::string_view session)
    {
        for (;;) {
            auto event = events_.empty() ? next() : std::move(events_.front());
            if (!events_.empty())
                events_.pop_front();
            auto const* in = event.if_contains("sessionId");
            if (event.at("method").as_string() == method && in && in->as_string() == session)
                return;
        }
    }

    // Closes the browser; how it exited.
    outcome close()
    {
        call("Browser.close");
        return chromium_->wait();
    }
};

// `text` as the DOM serializer writes a text node: &, <, > and no-break spaces escaped.
std::string dom_text(std::string_view text)
{
    std::string out;
    for (char c : text)
        out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
    return out;
}

// A store holding the demo task, the hostile one and an unreadable
// checkpoint, agent-tasks to report them and chromium to render the reports.
struct report_run {
    fixtures::temp_dir tmp{"report"};
    fs::path root = tmp.path() / "tasks";
    fs::path artefacts = AGENT_ENGINE_ARTEFACTS;
    int profiles = 0;

    report_run()
    {
        for (const Task& t : {report_tasks::demo_task(), report_tasks::hostile_task()})
            fixtures::write(root / agent_engine::extract_project_id(t.task_id) / (t.task_id + ".json"),
                            agent_engine::to_json(t, agent_engine::json_format::pretty()));
        fixtures::write(root / "research" / "task-research-torn.json", R"({"task_id": "task-research-torn", "sta)");
        fs::create_directories(artefacts);
    }

    outcome agent_tasks(std::vector<std::string> args) const
    {
        args.insert(args.begin(), {AGENT_TASKS, "--root", root.string()});
        return run(args, tmp.path());
    }

    // A command line of chromium headless with `args`, and its environment:
    // a profile and a home of its own, so that no setting or state of this
    // machine's user is read or changed.
    std::pair<std::vector<std::string>, std::vector<std::string>> chromium_command(std::vector<std::string> args)
    {
        fs::path home = tmp.path() / ("chromium-" + std::to_string(++profiles));
        fs::create_directories(home / "profile");
        args.insert(args.begin(), {"chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                                   "--no-first-run", "--disable-background-networking", "--disable-component-update",
                                   "--disable-sync", "--user-data-dir=" + (home / "profile").string()});
        return {args, {"HOME=" + home.string()}};
    }

    // Runs chromium on `url` with `args`; it must succeed.
    outcome chromium(const std::string& url, std::vector<std::string> args)
    {
        args.push_back(url);
        auto [argv, env] = chromium_command(args);
        auto r = run(argv, tmp.path(), env);
        BOOST_TEST_REQUIRE(r.status == 0, "chromium failed:\n" << r.err);
        return r;
    }

    // The DOM chromium builds from the page at `url` once its scripts ran.
    std::string dom(const std::string& url)
    {
        std::string dom = chromium(url, {"--dump-dom"}).out;
        BOOST_TEST_REQUIRE(dom.starts_with("<!DOCTYPE html>"), dom);
        return dom;
    }

    // The DOM chromium builds from the page at `url` with JavaScript off, once it has loaded.
    std::string dom_without_scripts(const std::string& url)
    {
        auto [argv, env] = chromium_command({"--blink-settings=scriptEnabled=false"});
        devtools browser(argv, tmp.path(), env);
        auto target = browser.call("Target.createTarget", {{"url", "about:blank"}}).at("targetId");
        std::string session(
            browser.call("Target.attachToTarget", {{"targetId", target}, {"flatten", true}}).at("sessionId").as_string());
        browser.call("Page.enable", {}, session);
        browser.call("Page.navigate", {{"url", url}}, session);
        browser.wait_for("Page.loadEventFired", session);
        auto root = browser.call("DOM.getDocument", {{"depth", -1}}, session).at("root").at("nodeId");
        std::string dom(browser.call("DOM.getOuterHTML", {{"nodeId", root}}, session).at("outerHTML").as_string());
        auto closed = browser.close();
        BOOST_TEST_REQUIRE(closed.status == 0, "chromium failed:\n" << closed.err);
        BOOST_TEST_REQUIRE(dom.starts_with("<!DOCTYPE html>"), dom);
        return dom;
    }

    // A screenshot of the page at `url`, kept as `name` among the artefacts.
    fs::path screenshot(const std::string& url, const std::string& name)
    {
        fs::path png = artefacts / name;
        fs::remove(png);
        chromium(url, {"--screenshot=" + png.string(), "--window-size=1280,900"});
        BOOST_TEST_REQUIRE(fixtures::read(png).starts_with("\x89PNG\r\n\x1a\n"));
        std::cout << "screenshot: " << png.string() << std::endl;
        return png;
    }

    // Writes the report of `id` among the artefacts as `name`; its file:// URL.
    std::string report(const std::string& id, const std::string& name) const
    {
        fs::path page = artefacts / name;
        auto r = agent_tasks({"report", id, "-o", page.string()});
        BOOST_TEST_REQUIRE(r.status == 0, r.err);
        BOOST_TEST(r.out == "wrote " + page.string() + "\n");
        return "file://" + page.string();
    }
};

const std::string demo_id = report_tasks::demo_task().task_id;

} // namespace

BOOST_AUTO_TEST_CASE(the_report_shows_stages_durations_and_statuses)
{
    report_run r;
    std::string dom = r.dom(r.report(demo_id, "report.html"));
    BOOST_TEST(contains(dom, "<html lang=\"en\" class=\"js\">")); // the page's own script ran
    BOOST_TEST(contains(dom, "<title>" + demo_id + " (running) \u2014 agent-tasks report</title>"));
    BOOST_TEST(contains(dom, "<button type=\"button\">Expand all outputs</button>"));

    // Every stage, in the order it ran, with its status, on the timeline and below it.
    std::size_t at = 0;
    for (auto [name, state, duration] : std::initializer_list<std::tuple<const char*, const char*, const char*>>{
             {"plan", "completed", "1.25 s"},
             {"search", "completed", "4.50 s"},
             {"read_docs", "completed", "7.20 s"},
             {"route", "completed", "10.0 ms"},
             {"call_tool", "failed", "5.40 s"},
             {"retry \"fetch\" &lt;b&gt;", "completed", "-"},
             {"summarize", "running", "running"}}) {
        at = dom.find("<a class=\"g-row st-" + std::string(state) + "\"", at);
        BOOST_TEST_REQUIRE(at != std::string::npos, name);
        std::string_view row = std::string_view(dom).substr(at, dom.find("</a>", at) - at);
        BOOST_TEST(contains(row, "</b>" + std::string(name) + "</span>"), name);
        BOOST_TEST(contains(row, "<span class=\"g-dur\">" + std::string(duration) + "</span>"), name);
        BOOST_TEST(contains(dom, "<h3>" + std::string(name) + "</h3><span class=\"badge st-" + state + "\">" + state),
                   name);
        ++at;
    }
    BOOST_TEST(count(dom, "class=\"g-bar\"") == 6u); // the stage with an unreadable completion has a marker
    BOOST_TEST(count(dom, "class=\"g-mark\"") == 1u);
    BOOST_TEST(contains(dom, "Tool 'fetch' timed out after 5 s"));
    BOOST_TEST(contains(dom, "<td>needs_tool</td><td class=\"id\">router</td>"));
    BOOST_TEST(contains(dom, "<span class=\"badge st-failed\">timeout</span>"));
    // The output's script is text in the page, not a script.
    BOOST_TEST(count(dom, "<script") == 1u);
    BOOST_TEST(contains(dom, dom_text(report_tasks::script_in_output)));
}

BOOST_AUTO_TEST_CASE(with_javascript_off_the_report_shows_everything)
{
    report_run r;
    std::string dom = r.dom_without_scripts(r.report(demo_id, "report-nojs.html"));
    BOOST_TEST(contains(dom, "<html lang=\"en\">"));
    BOOST_TEST(contains(dom, "<div class=\"tools\" id=\"tools\"></div>")); // no buttons
    for (auto text : {"<h3>plan</h3>", "<span class=\"g-dur\">1.25 s</span>", "<h3>summarize</h3>",
                      "Tool 'fetch' timed out after 5 s", "fetch timed out twice", "planner-v2", "https://example.org/b",
                      "<time datetime=\"2025-12-06T02:45:18.000000Z\">2025-12-06 02:45:18.000000Z</time>"})
        BOOST_TEST(contains(dom, text), text);
    BOOST_TEST(contains(dom, dom_text(report_tasks::script_in_output)));
    BOOST_TEST(count(dom, "class=\"g-bar\"") == 6u);
}

BOOST_AUTO_TEST_CASE(markup_from_the_checkpoint_neither_runs_nor_breaks_the_page)
{
    report_run r;
    std::string dom = r.dom(r.report(report_tasks::hostile_id, "hostile.html"));
    // Had any value's script run, it would have set the title.
    BOOST_TEST(contains(dom, "<title>" + dom_text(report_tasks::hostile_id) + " (failed) \u2014 agent-tasks report</title>"));
    BOOST_TEST(contains(dom, "<html lang=\"en\" class=\"js\">"));
    BOOST_TEST(count(dom, "<script") == 1u);
    BOOST_TEST(!contains(dom, "<img"));
    BOOST_TEST(!contains(dom, "onerror=\""));
    // The page's structure is whole: the values did not close its elements.
    BOOST_TEST(count(dom, "<section") == 4u);
    BOOST_TEST(count(dom, "<article") == 1u);
    BOOST_TEST(count(dom, "<table>") == 2u);
    BOOST_TEST(contains(dom, "<footer>Made by <code>agent-tasks report</code>."));
    BOOST_TEST(contains(dom, "<td>" + dom_text(report_tasks::entities) + "</td>"));
    // An unreadable time is in an attribute (its tooltip), whole.
    BOOST_TEST(contains(dom, "title=\"not a timestamp: &quot; data-injected=yes x=&quot;\""));
    BOOST_TEST(!contains(dom, "data-injected=\"yes\""));
    for (auto what : {"request", "pipeline", "error", "stage", "decision", "agent", "failure"})
        BOOST_TEST(contains(dom, dom_text("\"'></pre></td></table></details><script>document.title='" + std::string(what) +
                                          "'</script>")),
                   what);
}

BOOST_AUTO_TEST_CASE(screenshots_are_kept_as_artefacts)
{
    report_run r;
    r.screenshot(r.report(demo_id, "report.html"), "report.png");
    BOOST_TEST(r.agent_tasks({"report", "--project", "research", "-o", (r.artefacts / "site").string()}).status == 0);
    r.screenshot("file://" + (r.artefacts / "site" / "index.html").string(), "index.png");
}

BOOST_AUTO_TEST_CASE(the_project_index_links_to_every_report_newest_first)
{
    report_run r;
    fs::path site = r.tmp.path() / "site";
    auto written = r.agent_tasks({"report", "--project", "research", "-o", site.string()});
    BOOST_TEST(written.status == 0);
    BOOST_TEST(written.out == "wrote " + (site / "index.html").string() + ": 2 tasks, 2 reports beside it\n");
    BOOST_TEST(contains(written.err, "warning: skipped: "));

    std::string dom = r.dom("file://" + (site / "index.html").string());
    std::size_t demo = dom.find("<a href=\"./" + demo_id + ".html\">" + demo_id + "</a>");
    std::string hostile_href = "./task-research-%22%27%3E%3Cimg%20src%3Dx%20onerror%3Ddocument.title%3D%27img%27%3E"
                               "%3Cscript%3Edocument.title%3D%27id%27.html";
    std::size_t hostile = dom.find("<a href=\"" + hostile_href + "\">");
    BOOST_TEST(demo != std::string::npos);
    BOOST_TEST(hostile != std::string::npos);
    BOOST_TEST(demo < hostile); // the demo task was updated last
    BOOST_TEST(contains(dom, "<h2>Unreadable checkpoints</h2>"));
    BOOST_TEST(count(dom, "<script") == 1u);
    BOOST_TEST(contains(dom, "<button type=\"button\" aria-pressed=\"true\">all</button>"));

    // The browser follows the encoded link to the hostile task's report.
    std::string linked = r.dom("file://" + site.string() + hostile_href.substr(1));
    BOOST_TEST(contains(linked, "<title>" + dom_text(report_tasks::hostile_id) + " (failed)"));
}

BOOST_AUTO_TEST_CASE(report_usage_and_failures)
{
    report_run r;
    auto out = r.agent_tasks({"report", demo_id});
    BOOST_TEST(out.status == 0);
    BOOST_TEST(out.out.starts_with("<!DOCTYPE html>\n"));
    BOOST_TEST(out.out.ends_with("</html>\n"));

    fs::path file = r.tmp.path() / "one.html";
    auto json = r.agent_tasks({"--json", "report", demo_id, "-o", file.string()});
    BOOST_TEST(json.status == 0);
    BOOST_TEST(agent_engine::parse_json(json.out).value() ==
               (boost::json::object{{"files", {file.string()}}, {"skipped", boost::json::array()}}));
    BOOST_TEST(fixtures::read(file).starts_with("<!DOCTYPE html>\n"));

    auto missing = r.agent_tasks({"report", "task-research-absent"});
    BOOST_TEST(missing.status == 1);
    BOOST_TEST(missing.out.empty());
    BOOST_TEST(contains(missing.err, "not found"));
    auto unwritable = r.agent_tasks({"report", demo_id, "-o", (r.tmp.path() / "no" / "such" / "dir.html").string()});
    BOOST_TEST(unwritable.status == 1);
    BOOST_TEST(contains(unwritable.err, "Cannot create " + (r.tmp.path() / "no" / "such" / "dir.html").string()));

    BOOST_TEST(r.agent_tasks({"report"}).status == 2);
    BOOST_TEST(r.agent_tasks({"report", demo_id, "--project", "research"}).status == 2);
    BOOST_TEST(r.agent_tasks({"report", "--project", "research"}).status == 2); // needs -o DIR
    BOOST_TEST(r.agent_tasks({"report", demo_id, "--bogus"}).status == 2);
}

BOOST_AUTO_TEST_CASE(a_project_report_lists_the_tasks_it_cannot_report)
{
    report_run r;
    Task index = report_tasks::demo_task(); // in project "default", whose report would be index.html
    index.task_id = "index";
    Task stray = report_tasks::demo_task(); // filed under "research" but of project "other"
    stray.task_id = "task-other-1";
    fixtures::write(r.root / "default" / "index.json", agent_engine::to_json(index));
    fixtures::write(r.root / "research" / "task-research-stray.json", agent_engine::to_json(stray));

    fs::path site = r.tmp.path() / "site";
    auto json = r.agent_tasks({"--json", "report", "--project", "research", "-o", site.string()});
    BOOST_TEST(json.status == 0);
    auto written = agent_engine::parse_json(json.out).value();
    BOOST_TEST(written.at("files").as_array().size() == 3u); // the index, the demo and the hostile task
    std::vector<std::string> left_out;
    for (auto const& e : written.at("skipped").as_array())
        left_out.emplace_back(e.at("error_id").as_string());
    BOOST_TEST(left_out == (std::vector<std::string>{"invalid_json", "task_of_another_project"}));
    BOOST_TEST(!fs::exists(site / "task-other-1.html"));
    std::string page = fixtures::read(site / "index.html");
    BOOST_TEST(contains(page, "task-other-1<div class=\"cut\">No report: A checkpoint of project &#39;research&#39; "
                              "holds task &#39;task-other-1&#39; of project &#39;other&#39;</div>"));

    auto default_project = r.agent_tasks({"report", "--project", "default", "-o", site.string()});
    BOOST_TEST(default_project.status == 0);
    BOOST_TEST(contains(fixtures::read(site / "index.html"),
                        "index<div class=\"cut\">No report: The report of task &#39;index&#39; would replace the index"));
}
