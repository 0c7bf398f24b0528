#include "task_report.hpp"
#include "shown_text.hpp"

#include <agent_engine/core/conversion.hpp>
#include <agent_engine/runtime/project_id.hpp>
#include <agent_engine/runtime/timestamp.hpp>

#include <boost/describe/enum_to_string.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <random>

namespace agent_tasks {

using namespace agent_engine;
using std::chrono::microseconds;

namespace {

template <class E> std::string_view name_of(E e) { return boost::describe::enum_to_string(e, "?"); }

// Appends `s` to `out` as HTML text, fit for an element or a quoted attribute:
// the five markup characters as entities, controls escaped as agent-tasks
// prints them (shown_text.hpp); `keep_lines` keeps newlines and tabs, for text
// in a <pre>.
void escape(std::string& out, std::string_view s, bool keep_lines)
{
    append_shown(out, s, [keep_lines](std::string& o, char32_t cp) {
        switch (cp) {
        case '&': o += "&amp;"; return true;
        case '<': o += "&lt;"; return true;
        case '>': o += "&gt;"; return true;
        case '"': o += "&quot;"; return true;
        case '\'': o += "&#39;"; return true;
        case '\n':
        case '\t':
            if (keep_lines)
                o += static_cast<char>(cp);
            return keep_lines;
        default: return false;
        }
    });
}

// A byte count for people: "512 B", "64.0 KiB", "100.0 MiB".
std::string format_bytes(std::size_t n)
{
    if (n < 1024)
        return std::to_string(n) + " B";
    const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
    double v = static_cast<double>(n) / 1024;
    std::size_t u = 0;
    for (; v >= 1024 && u + 1 < std::size(units); ++u)
        v /= 1024;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f %s", v, units[u]);
    return buf;
}

// `v` with three significant digits and `unit` ("1.02 ms", "12.3 s", "250 ms").
std::string three_digits(double v, const char* unit)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, v < 10 ? "%.2f %s" : v < 100 ? "%.1f %s" : "%.0f %s", v, unit);
    return buf;
}

// A duration for people, from microseconds to days: "850 µs", "1.02 ms",
// "3.40 s", "2 min 05 s", "1 h 02 min", "3 d 04 h".
std::string format_duration(microseconds d)
{
    long long us = d.count();
    char buf[48];
    if (us < 1000)
        std::snprintf(buf, sizeof buf, "%lld µs", us);
    else if (us < 1'000'000)
        return three_digits(static_cast<double>(us) / 1e3, "ms");
    else if (us < 60'000'000)
        return three_digits(static_cast<double>(us) / 1e6, "s");
    else if (long long s = us / 1'000'000; s < 3600)
        std::snprintf(buf, sizeof buf, "%lld min %02lld s", s / 60, s % 60);
    else if (s < 86400)
        std::snprintf(buf, sizeof buf, "%lld h %02lld min", s / 3600, s / 60 % 60);
    else
        std::snprintf(buf, sizeof buf, "%lld d %02lld h", s / 86400, s / 3600 % 24);
    return buf;
}

// A timestamp as a report shows it: UTC, "2025-12-06 02:45:18.337698Z".
std::string format_time(utc_micros t)
{
    std::string s = format_utc_timestamp(t);
    s[10] = ' ';
    return s;
}

std::optional<utc_micros> parse_time(const std::optional<std::string>& t)
{
    return t ? parse_utc_timestamp(*t) : std::nullopt;
}

// A percentage for a style attribute.
std::string percent(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f%%", v);
    return buf;
}

// `name` as one segment of a relative URL: every byte but the unreserved
// ones percent-encoded, so that no id reads as a scheme ("javascript:"), a
// query, a fragment or a directory.
std::string url_segment(std::string_view name)
{
    std::string out;
    for (char c : name) {
        auto u = static_cast<unsigned char>(c);
        bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += "0123456789ABCDEF"[u >> 4];
            out += "0123456789ABCDEF"[u & 15];
        }
    }
    return out;
}

// A nonce for the page's own script: the Content-Security-Policy runs no
// other, so a script that escaping let through would still not run.
std::string script_nonce()
{
    std::random_device random;
    std::string out;
    for (int i = 0; i < 4; ++i) {
        char buf[9];
        std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(random()));
        out += buf;
    }
    return out;
}

constexpr std::string_view stylesheet = R"css(
:root{--completed:#1e9e58;--failed:#d73a3a;--running:#2f6fd6;--pending:#c07f12;--unfinished:#8b95a3;
--ink:#1c2430;--muted:#5d6877;--line:#e1e5ea;--bg:#f4f6f8;--card:#fff;--mono:ui-monospace,"SF Mono",Menlo,Consolas,"DejaVu Sans Mono",monospace}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
main{max-width:1200px;margin:0 auto;padding:20px 24px 40px}
a{color:#1f5fbf}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:0 0 16px;box-shadow:0 1px 2px rgba(20,30,40,.04)}
.kicker{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.08em}
h1{font-size:22px;margin:4px 0 12px;display:flex;flex-wrap:wrap;gap:10px;align-items:center}
h2{font-size:16px;margin:0 0 12px}
h3{font-size:15px;margin:0}
.id{font-family:var(--mono);overflow-wrap:anywhere}
.badge{display:inline-block;padding:1px 10px;border-radius:999px;font-size:12px;font-weight:600;color:#fff;background:var(--c,var(--unfinished));white-space:nowrap}
.st-completed{--c:var(--completed)}.st-failed{--c:var(--failed)}.st-running{--c:var(--running)}
.st-pending{--c:var(--pending)}.st-unfinished{--c:var(--unfinished)}
.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:8px 24px;margin:0}
.facts div{min-width:0}
.facts dt{color:var(--muted);font-size:12px}
.facts dd{margin:0;overflow-wrap:anywhere}
.request{margin:12px 0 0}
.request pre{max-height:8em}
nav{display:flex;gap:16px;margin:0 0 16px;padding:0 4px}
pre{font-family:var(--mono);font-size:12.5px;background:#f6f8fa;border:1px solid var(--line);border-radius:6px;padding:10px 12px;margin:8px 0 0;
white-space:pre-wrap;overflow-wrap:anywhere;max-height:32em;overflow:auto}
.none{color:var(--muted);margin:0}
.cut{color:#8a5a00;background:#fff6e0;border:1px solid #f1d9a0;border-radius:6px;padding:4px 10px;margin:6px 0 0;font-size:12.5px}
.bad-time{border-bottom:1px dotted var(--failed);cursor:help}
.gantt{position:relative}
.g-head,.g-row{display:grid;grid-template-columns:minmax(120px,230px) 1fr 92px;gap:12px;align-items:center}
.g-head{color:var(--muted);font-size:12px;padding:0 6px 6px;border-bottom:1px solid var(--line)}
.g-scale{position:relative;height:16px}
.g-scale span{position:absolute;transform:translateX(-50%);white-space:nowrap}
.g-scale span:first-child{transform:none}
.g-row{padding:3px 6px;color:inherit;text-decoration:none;border-radius:6px}
.g-row:hover{background:#eef3fb}
.g-name{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.g-name b{display:inline-block;min-width:1.8em;color:var(--muted);font-weight:500}
.g-track{position:relative;height:22px;border-radius:4px;background-color:#f7f8fa;
background-image:repeating-linear-gradient(90deg,#dfe3e8 0 1px,transparent 1px var(--step,100%))}
.g-bar{position:absolute;top:4px;bottom:4px;min-width:3px;border-radius:3px;background:var(--c)}
.g-row.st-running .g-bar{background:repeating-linear-gradient(135deg,var(--c) 0 6px,#7fa7e8 6px 12px)}
.g-mark{position:absolute;top:3px;width:14px;height:14px;margin-left:-7px;transform:rotate(45deg) scale(.7);border:2px solid var(--c);background:#fff}
.g-note{position:absolute;left:8px;top:2px;color:var(--muted);font-size:12px;font-style:italic}
.g-dur{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.legend{display:flex;flex-wrap:wrap;gap:16px;margin:12px 0 0;color:var(--muted);font-size:12px}
.legend span::before{content:"";display:inline-block;width:12px;height:12px;border-radius:3px;background:var(--c);margin-right:6px;vertical-align:-2px}
.legend .mark::before{background:#fff;border:2px solid var(--unfinished);border-radius:0;transform:rotate(45deg) scale(.75)}
.tools{display:flex;gap:8px;margin:0 0 12px}
.tools:empty{display:none}
.tools button{font:inherit;font-size:12.5px;padding:3px 10px;border:1px solid var(--line);border-radius:6px;background:#fff;cursor:pointer}
.tools button[aria-pressed=true]{background:#e6eefb;border-color:#a9c2ec}
.stage{border:1px solid var(--line);border-left:5px solid var(--c);border-radius:8px;padding:10px 14px;margin:0 0 10px}
.stage:target{box-shadow:0 0 0 3px #bcd3f5}
.stage-head{display:flex;flex-wrap:wrap;gap:10px;align-items:center}
.stage-head .num{color:var(--muted);font-variant-numeric:tabular-nums}
.stage-head h3{font-family:var(--mono);overflow-wrap:anywhere}
.stage-head .dur{margin-left:auto;font-variant-numeric:tabular-nums}
.times{color:var(--muted);font-size:12.5px;margin:4px 0 0}
.error{border:1px solid #f0c4c4;background:#fff5f5;border-radius:6px;padding:8px 12px;margin:8px 0 0}
.error-head{font-weight:600;color:#a12626}
.error-head .eid{font-family:var(--mono);font-weight:500}
pre.message{font:inherit;background:none;border:0;padding:0;margin:4px 0 0;max-height:16em}
details{margin:8px 0 0}
summary{cursor:pointer;color:#1f5fbf}
summary .size{color:var(--muted)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:6px 10px;border-bottom:1px solid var(--line)}
th{color:var(--muted);font-weight:600;font-size:12px}
td.id,td .id{font-family:var(--mono)}
td pre{margin:0}
td time{white-space:nowrap}
tr[hidden]{display:none}
footer{color:var(--muted);font-size:12px;margin:8px 4px}
)css";

// What every page's script starts with: a mark that scripts run (for the
// tests) and a helper adding a button to the page's tools.
constexpr std::string_view script_prelude = R"js(
document.documentElement.classList.add('js');
function addButton(label, onClick) {
  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', onClick);
  document.getElementById('tools').appendChild(button);
  return button;
}
)js";

// What the task report's script adds: buttons that open or close every
// output, and opening the output of a stage a link leads to.
constexpr std::string_view task_script = R"js(
var outputs = document.querySelectorAll('details.output');
function openAll(open) {
  return function () { outputs.forEach(function (d) { d.open = open; }); };
}
if (outputs.length) {
  addButton('Expand all outputs', openAll(true));
  addButton('Collapse all outputs', openAll(false));
}
function openTarget() {
  var target = location.hash.length > 1 && document.getElementById(location.hash.slice(1));
  if (target)
    target.querySelectorAll('details.output').forEach(function (d) { d.open = true; });
}
window.addEventListener('hashchange', openTarget);
openTarget();
)js";

// What the index's script adds: buttons that show only the tasks of one status.
constexpr std::string_view index_script = R"js(
var rows = document.querySelectorAll('tr[data-status]');
var statuses = rows.length ? ['all'] : [];
rows.forEach(function (r) {
  if (statuses.indexOf(r.dataset.status) < 0) statuses.push(r.dataset.status);
});
var buttons = statuses.map(function (s) {
  return addButton(s, function () {
    rows.forEach(function (r) { r.hidden = s !== 'all' && r.dataset.status !== s; });
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.textContent === s)); });
  });
});
buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.textContent === 'all')); });
)js";

// An HTML page being written. Markup the report writes goes in with <<;
// anything from a checkpoint goes through name(), value() or time(), which
// escape it and cut it to the limits.
class page {
    std::string html_;
    const report_limits& limits_;
    std::size_t left_; // bytes of checkpoint text the page may still show
    std::string nonce_ = script_nonce();

    // The longest prefix of `s` within `cap` bytes and the page's budget that
    // ends where a code point does (a cut backs off up to 3 bytes).
    std::string_view take(std::string_view s, std::size_t cap)
    {
        std::size_t n = std::min({s.size(), cap, left_});
        for (int k = 0; k < 3 && n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80; ++k)
            --n;
        left_ -= n;
        return s.substr(0, n);
    }

    // Says that a value of `total` bytes is shown only up to `shown`, and why.
    void cut_note(std::size_t shown, std::size_t total)
    {
        *this << "<p class=\"cut\">";
        if (left_ == 0 && shown < limits_.value_bytes)
            *this << (shown == 0 ? "Not shown" : "Cut short") << ": this page already shows "
                  << format_bytes(limits_.page_bytes) << " of the checkpoint, the most a report shows. ";
        else
            *this << "Cut: the first " << format_bytes(shown) << " of " << format_bytes(total)
                  << " shown; a report shows at most " << format_bytes(limits_.value_bytes) << " of a value. ";
        *this << "<code>agent-tasks --json show TASK_ID</code> prints the checkpoint whole.</p>";
    }

public:
    page(const report_limits& limits, std::string_view title)
        : limits_(limits), left_(limits.page_bytes)
    {
        *this << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
              << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
              << "style-src 'unsafe-inline'; script-src 'nonce-" << nonce_ << "'; base-uri 'none'; form-action 'none'\">\n"
              << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
        name(title);
        *this << "</title>\n<style>" << stylesheet << "</style>\n</head>\n<body>\n<main>\n";
    }

    page& operator<<(std::string_view markup)
    {
        html_ += markup;
        return *this;
    }

    // A name or id from a checkpoint, on one line, cut at name_bytes with an ellipsis.
    page& name(std::string_view s)
    {
        std::string_view shown = take(s, limits_.name_bytes);
        escape(html_, shown, false);
        if (shown.size() < s.size())
            html_ += "\u2026";
        return *this;
    }

    // A value from a checkpoint, in a <pre> of class `kind`, cut at value_bytes
    // or where the page's budget ends, with a note saying so.
    page& value(std::string_view s, std::string_view kind)
    {
        std::string_view shown = take(s, limits_.value_bytes);
        if (!shown.empty()) {
            *this << "<pre class=\"" << kind << "\">";
            escape(html_, shown, true);
            *this << "</pre>";
        }
        if (shown.size() < s.size())
            cut_note(shown.size(), s.size());
        return *this;
    }

    // A JSON value from a checkpoint: a string as its text, anything else as
    // pretty JSON (`json_format::pretty()`, Python's indent=2).
    page& json(const boost::json::value& v)
    {
        if (v.is_string())
            return value(v.get_string(), "text");
        if (left_ == 0) { // nothing of it would be shown: not worth writing out
            cut_note(0, 0);
            return *this;
        }
        return value(serialize(v, json_format::pretty()), "json");
    }

    // A timestamp from a checkpoint, in UTC; "-" when missing or unreadable
    // (the unreadable text in a tooltip).
    page& time(const std::optional<std::string>& t)
    {
        if (auto at = parse_time(t))
            return *this << "<time datetime=\"" << format_utc_timestamp(*at) << "\">" << format_time(*at) << "</time>";
        if (!t)
            return *this << "-";
        *this << "<span class=\"bad-time\" title=\"not a timestamp: ";
        name(*t);
        return *this << "\">-</span>";
    }

    // An error: its code, id, file (details.path) and message, its details collapsed.
    page& error(const EngineError& e)
    {
        *this << "<div class=\"error\"><div class=\"error-head\">" << name_of(e.code) << " error <span class=\"eid\">";
        name(e.error_id);
        *this << "</span> <span class=\"none\">(" << name_of(e.source) << ", " << name_of(e.severity) << ")</span></div>";
        if (auto const* path = e.details ? e.details->if_contains("path") : nullptr; path && path->is_string()) {
            *this << "<div class=\"times id\">";
            name(path->get_string()) << "</div>";
        }
        value(e.message, "message");
        if (e.details) {
            *this << "<details><summary>Details</summary>";
            json(*e.details);
            *this << "</details>";
        }
        return *this << "</div>";
    }

    std::string finish(std::string_view script) &&
    {
        *this << "</main>\n<script nonce=\"" << nonce_ << "\">(function () {" << script_prelude << script
              << "})();</script>\n</body>\n</html>\n";
        return std::move(html_);
    }
};

// What the report makes of a stage record.
enum class stage_state { completed, failed, running, unfinished };
BOOST_DESCRIBE_ENUM(stage_state, completed, failed, running, unfinished)

struct stage_view {
    std::string_view name;
    const StageExecutionRecord* record;
    stage_state state;
    std::optional<utc_micros> start, end; // readable times
    // How long it ran, when both times are readable and in order.
    std::optional<microseconds> duration() const
    {
        if (start && end && *end >= *start)
            return *end - *start;
        return std::nullopt;
    }
    // The duration as the report shows it.
    std::string shown_duration() const
    {
        if (auto d = duration())
            return format_duration(*d);
        return state == stage_state::running ? "running" : "-";
    }
};

// A stage that has not completed is running while its task may still run it.
stage_state state_of(const StageExecutionRecord& rec, TaskStatus task)
{
    if (rec.error)
        return stage_state::failed;
    if (rec.completed_at)
        return stage_state::completed;
    return rec.started_at && !is_terminal(task) ? stage_state::running : stage_state::unfinished;
}

std::vector<stage_view> stage_views(const Task& task)
{
    std::vector<stage_view> out;
    for (auto const& [name, rec] : task.stage_results)
        out.push_back({name, &rec, state_of(rec, task.status), parse_time(rec.started_at), parse_time(rec.completed_at)});
    return out;
}

// A step of 1, 2 or 5 times a power of ten, about a fifth of `span`: the axis's ticks.
microseconds tick_step(microseconds span)
{
    double rough = static_cast<double>(span.count()) / 5;
    double power = std::pow(10.0, std::floor(std::log10(std::max(rough, 1.0))));
    double m = rough / power;
    double step = power * (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10);
    return microseconds(std::max<long long>(1, static_cast<long long>(step)));
}

void render_timeline(page& p, const std::vector<stage_view>& stages)
{
    p << "<section class=\"card\" id=\"timeline\"><h2>Timeline</h2>";
    std::optional<utc_micros> first, last;
    for (auto const& s : stages)
        for (auto const& t : {s.start, s.end})
            if (t) {
                first = first ? std::min(*first, *t) : *t;
                last = last ? std::max(*last, *t) : *t;
            }
    if (stages.empty() || !first) {
        p << "<p class=\"none\">"
          << (stages.empty() ? "No stage has run." : "No stage has a readable start or end time.") << "</p></section>";
        return;
    }
    microseconds span = std::max(*last - *first, microseconds(1));
    auto at = [&](utc_micros t) { return 100.0 * static_cast<double>((t - *first).count()) / static_cast<double>(span.count()); };
    microseconds step = tick_step(span);

    p << "<div class=\"gantt\" style=\"--step:" << percent(100.0 * static_cast<double>(step.count()) / static_cast<double>(span.count()))
      << "\"><div class=\"g-head\"><span>Stage</span><div class=\"g-scale\">";
    for (microseconds t{0}; t <= span; t += step)
        p << "<span style=\"left:" << percent(at(*first + t)) << "\">" << (t.count() ? "+" + format_duration(t) : "0")
          << "</span>";
    p << "</div><span class=\"g-dur\">Duration</span></div>";

    for (std::size_t i = 0; i < stages.size(); ++i) {
        auto const& s = stages[i];
        auto duration = s.duration();
        p << "<a class=\"g-row st-" << name_of(s.state) << "\" href=\"#stage-" << std::to_string(i + 1) << "\" title=\"";
        p.name(s.name) << ": " << name_of(s.state);
        if (duration)
            p << ", " << format_duration(*duration);
        p << "\"><span class=\"g-name\"><b>" << std::to_string(i + 1) << "</b>";
        p.name(s.name) << "</span><span class=\"g-track\">";
        if (duration || (s.state == stage_state::running && s.start)) {
            utc_micros end = duration ? *s.end : *last; // a running stage runs to the latest time seen
            p << "<span class=\"g-bar\" style=\"left:" << percent(at(*s.start)) << ";width:" << percent(at(end) - at(*s.start))
              << "\"></span>";
        } else if (s.start || s.end) {
            // One readable time, or times out of order: a marker where it started (or ended).
            p << "<span class=\"g-mark\" style=\"left:" << percent(at(s.start ? *s.start : *s.end)) << "\" title=\""
              << (s.start && s.end ? "ends before it starts" : s.start ? "no readable end time" : "no readable start time")
              << "\"></span>";
        } else {
            p << "<span class=\"g-note\">no readable start or end time</span>";
        }
        p << "</span><span class=\"g-dur\">" << s.shown_duration() << "</span></a>";
    }
    p << "</div><div class=\"legend\"><span class=\"st-completed\">completed</span><span class=\"st-failed\">failed</span>"
      << "<span class=\"st-running\">running</span><span class=\"st-unfinished\">unfinished (never completed)</span>"
      << "<span class=\"mark\">only one readable time</span></div>"
      << "<p class=\"none\" style=\"margin-top:6px;font-size:12px\">From " << format_time(*first) << " to "
      << format_time(*last) << " (" << format_duration(*last - *first)
      << "). A bar runs from a stage's start to its completion.</p></section>";
}

void render_stages(page& p, const std::vector<stage_view>& stages)
{
    p << "<section class=\"card\" id=\"stages\"><h2>Stages</h2><div class=\"tools\" id=\"tools\"></div>";
    if (stages.empty())
        p << "<p class=\"none\">No stage results recorded.</p>";
    for (std::size_t i = 0; i < stages.size(); ++i) {
        auto const& s = stages[i];
        auto const& rec = *s.record;
        p << "<article class=\"stage st-" << name_of(s.state) << "\" id=\"stage-" << std::to_string(i + 1)
          << "\"><div class=\"stage-head\"><span class=\"num\">" << std::to_string(i + 1) << "</span><h3>";
        p.name(s.name) << "</h3><span class=\"badge st-" << name_of(s.state) << "\">" << name_of(s.state)
                       << "</span><span class=\"dur\">" << s.shown_duration()
                       << "</span></div><p class=\"times\">Started ";
        p.time(rec.started_at) << " \u00b7 Completed ";
        p.time(rec.completed_at) << "</p>";
        if (rec.error)
            p.error(*rec.error);
        if (rec.output.is_null()) {
            p << "<p class=\"none\" style=\"margin-top:8px\">No output.</p>";
        } else {
            p << "<details class=\"output\"><summary>Output <span class=\"size\">("
              << (rec.output.is_string() ? "text" : "JSON") << ")</span></summary>";
            p.json(rec.output) << "</details>";
        }
        p << "</article>";
    }
    p << "</section>";
}

// A stage named in the routing trace or a failure, linked to its section when it ran.
void stage_link(page& p, const std::map<std::string_view, std::size_t>& index, std::string_view stage)
{
    auto it = index.find(stage);
    if (it != index.end())
        p << "<a class=\"id\" href=\"#stage-" << std::to_string(it->second + 1) << "\">";
    else
        p << "<span class=\"id\">";
    p.name(stage) << (it != index.end() ? "</a>" : "</span>");
}

// Opens a section `id` titled `title` on a table of `columns`; with no rows,
// says `none` instead, closes the section and returns false.
bool open_table(page& p, std::string_view id, std::string_view title, std::initializer_list<std::string_view> columns,
                bool rows, std::string_view none)
{
    p << "<section class=\"card\" id=\"" << id << "\"><h2>" << title << "</h2>";
    if (!rows) {
        p << "<p class=\"none\">" << none << "</p></section>";
        return false;
    }
    p << "<table><thead><tr>";
    for (auto c : columns)
        p << "<th>" << c << "</th>";
    p << "</tr></thead><tbody>";
    return true;
}

void render_routing(page& p, const Task& task, const std::map<std::string_view, std::size_t>& index)
{
    if (!open_table(p, "routing", "Routing trace", {"#", "Time (UTC)", "Stage", "Decision", "Agent"},
                    !task.routing_trace.empty(), "No routing decisions recorded."))
        return;
    for (std::size_t i = 0; i < task.routing_trace.size(); ++i) {
        auto const& r = task.routing_trace[i];
        p << "<tr><td>" << std::to_string(i + 1) << "</td><td>";
        p.time(r.timestamp) << "</td><td>";
        stage_link(p, index, r.stage_id);
        p << "</td><td>";
        p.name(r.decision.value_or("-")) << "</td><td class=\"id\">";
        p.name(r.agent_id.value_or("-")) << "</td></tr>";
    }
    p << "</tbody></table></section>";
}

void render_failures(page& p, const Task& task, const std::map<std::string_view, std::size_t>& index)
{
    if (!open_table(p, "failures", "Failures", {"Code", "Severity", "Stage", "Message"},
                    !task.failure_signatures.empty(), "No failures recorded."))
        return;
    for (auto const& f : task.failure_signatures) {
        p << "<tr><td><span class=\"badge st-failed\">" << name_of(f.code) << "</span></td><td>" << name_of(f.severity)
          << "</td><td>";
        if (f.stage_id)
            stage_link(p, index, *f.stage_id);
        else
            p << "-";
        p << "</td><td>";
        p.value(f.message, "message");
        if (!f.metadata.empty()) {
            p << "<details><summary>Metadata</summary>";
            p.json(f.metadata) << "</details>";
        }
        p << "</td></tr>";
    }
    p << "</tbody></table></section>";
}

void render_header(page& p, const Task& task, const std::vector<stage_view>& stages)
{
    p << "<header class=\"card\"><div class=\"kicker\">agent-tasks report \u00b7 task</div><h1><span class=\"id\">";
    p.name(task.task_id) << "</span><span class=\"badge st-" << name_of(task.status) << "\">" << name_of(task.status)
                         << "</span></h1><dl class=\"facts\"><div><dt>Pipeline</dt><dd class=\"id\">";
    p.name(task.pipeline_id) << "</dd></div><div><dt>Project</dt><dd class=\"id\">";
    p.name(extract_project_id(task.task_id)) << "</dd></div><div><dt>Created (UTC)</dt><dd>";
    p.time(task.created_at) << "</dd></div><div><dt>Updated (UTC)</dt><dd>";
    p.time(task.updated_at) << "</dd></div><div><dt>Elapsed (created to updated)</dt><dd>";
    auto created = parse_time(task.created_at), updated = parse_time(task.updated_at);
    p << (created && updated && *updated >= *created ? format_duration(*updated - *created) : "-")
      << "</dd></div><div><dt>Stages</dt><dd>" << std::to_string(stages.size());
    for (stage_state state : {stage_state::completed, stage_state::failed, stage_state::running, stage_state::unfinished}) {
        auto n = std::ranges::count(stages, state, &stage_view::state);
        if (n)
            p << " \u00b7 " << std::to_string(n) << " " << name_of(state);
    }
    p << "</dd></div><div><dt>Current stage</dt><dd class=\"id\">";
    p.name(task.current_stage_id.value_or("-")) << "</dd></div><div><dt>Failures</dt><dd>"
                                                << std::to_string(task.failure_signatures.size())
                                                << "</dd></div></dl><div class=\"request\"><div class=\"kicker\">Request</div>";
    p.value(task.spec.request, "text") << "<details><summary>Task spec";
    if (task.context_fingerprint)
        p << " and context fingerprint";
    p << "</summary>";
    p.value(to_json(task.spec, json_format::pretty()), "json");
    if (task.context_fingerprint)
        p.value(to_json(*task.context_fingerprint, json_format::pretty()), "json");
    p << "</details></div></header>"
      << "<nav><a href=\"#timeline\">Timeline</a><a href=\"#stages\">Stages</a><a href=\"#routing\">Routing trace</a>"
      << "<a href=\"#failures\">Failures</a></nav>";
}

} // namespace

std::string render_task_report(const Task& task, const report_limits& limits)
{
    std::string title = task.task_id + " (" + std::string(name_of(task.status)) + ") \u2014 agent-tasks report";
    page p(limits, title);
    std::vector<stage_view> stages = stage_views(task);
    std::map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < stages.size(); ++i)
        index.emplace(stages[i].name, i);
    render_header(p, task, stages);
    render_timeline(p, stages);
    render_stages(p, stages);
    render_routing(p, task, index);
    render_failures(p, task, index);
    p << "<footer>Made by <code>agent-tasks report</code>. Times are UTC. A report shows at most "
      << format_bytes(limits.value_bytes) << " of a value and " << format_bytes(limits.page_bytes)
      << " of a checkpoint; <code>agent-tasks --json show TASK_ID</code> prints it whole.</footer>";
    return std::move(p).finish(task_script);
}

std::string report_file_name(std::string_view task_id) { return std::string(task_id) + ".html"; }

std::string render_project_index(std::string_view project, const std::vector<index_entry>& tasks,
                                 const std::vector<EngineError>& skipped, const report_limits& limits)
{
    page p(limits, "Project " + std::string(project) + " \u2014 agent-tasks report");
    p << "<header class=\"card\"><div class=\"kicker\">agent-tasks report \u00b7 project</div><h1><span class=\"id\">";
    p.name(project) << "</span></h1><p class=\"none\">" << std::to_string(tasks.size())
                    << (tasks.size() == 1 ? " task" : " tasks") << ", newest first";
    for (TaskStatus status : {TaskStatus::completed, TaskStatus::failed, TaskStatus::running, TaskStatus::pending}) {
        auto n = std::ranges::count_if(tasks, [&](const index_entry& e) { return e.meta.status == status; });
        if (n)
            p << " \u00b7 " << std::to_string(n) << " " << name_of(status);
    }
    p << ".</p></header><section class=\"card\"><div class=\"tools\" id=\"tools\"></div>";
    if (tasks.empty())
        p << "<p class=\"none\">No tasks.</p>";
    else
        p << "<table><thead><tr><th>Task</th><th>Status</th><th>Pipeline</th><th>Created (UTC)</th><th>Updated (UTC)</th></tr></thead><tbody>";
    for (auto const& t : tasks) {
        p << "<tr data-status=\"" << name_of(t.meta.status) << "\"><td class=\"id\">";
        if (!t.report_file.empty()) {
            p << "<a href=\"./" << url_segment(t.report_file) << "\">";
            p.name(t.meta.task_id) << "</a>";
        } else {
            p.name(t.meta.task_id);
        }
        if (t.problem) {
            p << "<div class=\"cut\">No report: ";
            p.name(t.problem->message) << "</div>";
        }
        p << "</td><td><span class=\"badge st-" << name_of(t.meta.status) << "\">" << name_of(t.meta.status)
          << "</span></td><td class=\"id\">";
        p.name(t.meta.pipeline_id) << "</td><td>";
        p.time(t.meta.created_at) << "</td><td>";
        p.time(t.meta.updated_at) << "</td></tr>";
    }
    if (!tasks.empty())
        p << "</tbody></table>";
    p << "</section>";
    if (!skipped.empty()) {
        p << "<section class=\"card\"><h2>Unreadable checkpoints</h2>";
        for (auto const& e : skipped)
            p.error(e);
        p << "</section>";
    }
    p << "<footer>Made by <code>agent-tasks report --project</code>.</footer>";
    return std::move(p).finish(index_script);
}

} // namespace agent_tasks
