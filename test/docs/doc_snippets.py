#!/usr/bin/env python3
"""The code and the printed outputs of the Markdown docs, as the test suite checks them.

  doc_snippets.py extract OUT_DIR SOURCE_DIR DOC...   (at configure time)
      Writes each C++ block of the docs as a translation unit in OUT_DIR and
      OUT_DIR/snippets.cmake, which declares what test/docs/CMakeLists.txt builds
      and runs. Fails, naming the place, on a block it cannot account for.
  doc_snippets.py check EXPECTED MODE COMMAND...   (a test)
      Runs COMMAND and compares its stdout with the file EXPECTED.

In a doc, every fenced block is one of:
  ```cpp      compiled, as written, as a translation unit of its own (warnings are
              errors). A block that includes nothing is read after the one header
              the docs name, <agent_engine/agent_engine.hpp>, and <iostream>.
  ```sh, ```cmake   commands to type, not checked.
  anything else     printed output: the line before it must say what prints it.
Directives, HTML comments on the line before a block (blank lines between allowed):
  <!-- cpp: name NAME -->     names a C++ block, for later blocks to build on
  <!-- cpp: after NAME -->    compiled after the block NAME, in one translation unit
  <!-- cpp: is PATH -->       the block is the file PATH of the source tree, byte for byte
  (several at once, separated by commas: <!-- cpp: name run, after shop -->)
  <!-- output of: COMMAND -->  the block is what COMMAND prints on stdout. COMMAND's
      first word is `snippet` (the C++ block above, a program), a CMake target
      (agent-tasks, quick_start...) or scripts/NAME; the word BUILD_DIR stands for
      the build directory. After a `;`: `json` compares the two as JSON values,
      `normalized` first replaces what differs from run to run (24-hex-digit ids,
      mktemp directories, timestamps) in both, `excerpt` lets a line `...` of the
      block stand for any number of printed lines.
"""
import difflib
import json
import os
import re
import subprocess
import sys

FENCE = re.compile(r"^```(\S*)\s*$")
DIRECTIVE = re.compile(r"^<!--\s*(cpp|output of):\s*(.*?)\s*-->$")
PRELUDE = "#include <agent_engine/agent_engine.hpp>\n#include <iostream>\n"
COMMANDS = {"sh", "cmake"}


def fail(where, message):
    sys.exit(f"{where}: {message}")


def blocks(path):
    """Each fenced block of a doc: (line of its first content line, language, text, directive)."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        directive = None
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        if j >= 0:
            d = DIRECTIVE.match(lines[j].strip())
            if d:
                directive = (d.group(1), d.group(2))
        end = i + 1
        while end < len(lines) and lines[end] != "```":
            end += 1
        if end == len(lines):
            fail(f"{path}:{i + 1}", "a block that is never closed")
        yield i + 2, m.group(1), "\n".join(lines[i + 1 : end]) + "\n", directive
        i = end + 1


def cmake_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$") + '"'


def command_words(command, program, where):
    words = command.split()
    if not words:
        fail(where, "an output of no command")
    first = words[0]
    if first == "snippet":
        if program is None:
            fail(where, "an output of `snippet` with no C++ program above it")
        words[0] = f"$<TARGET_FILE:{program}>"
    elif first.startswith("scripts/"):
        words[0] = "${PROJECT_SOURCE_DIR}/" + first
    else:
        words[0] = f"$<TARGET_FILE:{first}>"
    return ["${CMAKE_BINARY_DIR}" if w == "BUILD_DIR" else w for w in words]


def extract(out_dir, docs, source_dir):
    os.makedirs(out_dir, exist_ok=True)
    cmake = []
    for doc in docs:
        stem = re.sub(r"\W", "_", os.path.basename(doc).removesuffix(".md"))
        named = {}  # NAME -> the translation unit's text
        program = None  # the target of the last C++ block, when it is a program
        for line, lang, text, directive in blocks(doc):
            where = f"{doc}:{line - 1}"
            kind, arg = directive or (None, None)
            if lang == "cpp":
                unit = f'#line {line} "{doc}"\n{text}'
                name = None
                for verb, _, value in (part.strip().partition(" ") for part in (arg.split(",") if kind == "cpp" else [])):
                    if verb == "name":
                        name = value
                    elif verb == "after":
                        if value not in named:
                            fail(where, f"after '{value}': no C++ block above is named so")
                        unit = named[value] + unit
                    elif verb == "is":
                        raw = os.path.join(out_dir, f"{stem}_{line}.txt")
                        open(raw, "w", encoding="utf-8").write(text)
                        cmake.append(f"agent_engine_doc_same_file(docs.{stem}.{line - 1} {cmake_quote(raw)} "
                                     f"{cmake_quote(os.path.join(source_dir, value))})")
                    else:
                        fail(where, f"unknown directive 'cpp: {arg}'")
                if kind == "output of":
                    fail(where, "a C++ block is not an output")
                if name:
                    named[name] = unit
                target = f"docs_{stem}_{line}"
                source = os.path.join(out_dir, target + ".cpp")
                open(source, "w", encoding="utf-8").write(unit if "#include" in unit else PRELUDE + unit)
                is_program = re.search(r"^int main\(", unit, re.M) is not None
                cmake.append(f"agent_engine_doc_snippet({target} {cmake_quote(source)} {'ON' if is_program else 'OFF'})")
                program = target if is_program else None
            elif lang in COMMANDS:
                if directive:
                    fail(where, f"a ```{lang} block holds commands, not code or output")
            else:
                if kind != "output of":
                    fail(where, "a block that is neither code nor commands must say what prints it "
                                "(<!-- output of: COMMAND -->)")
                command, _, mode = arg.partition(";")
                mode = mode.strip() or "exact"
                if mode not in ("exact", "json", "normalized", "excerpt"):
                    fail(where, f"unknown comparison '{mode}'")
                expected = os.path.join(out_dir, f"{stem}_{line}.expected")
                open(expected, "w", encoding="utf-8").write(text)
                words = " ".join(w if w.startswith("$") else cmake_quote(w)
                                 for w in command_words(command, program, where))
                cmake.append(f"agent_engine_doc_output(docs.{stem}.{line - 1} {cmake_quote(expected)} {mode} {words})")
    open(os.path.join(out_dir, "snippets.cmake"), "w", encoding="utf-8").write("\n".join(cmake) + "\n")


# What differs from one run to another: generated ids, mktemp directories, times.
VOLATILE = [
    (re.compile(r"[0-9a-f]{24}"), "<id>"),
    (re.compile(r"/tmp/tmp\.[A-Za-z0-9]{10}"), "<tmp>"),
    (re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?Z?"), "<time>"),
]


def normalized(text):
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def check(expected_file, mode, command):
    expected = open(expected_file, encoding="utf-8").read()
    run = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    actual = run.stdout.decode("utf-8", "replace")
    if mode == "json":
        try:
            same = json.loads(expected) == json.loads(actual)
        except ValueError as e:
            same = False
            print(f"not JSON: {e}")
    elif mode == "normalized":
        same = normalized(expected) == normalized(actual)
    elif mode == "excerpt":
        pattern = "".join("(?:.*\n)*?" if line == "..." else re.escape(line) + "\n"
                          for line in expected.splitlines())
        same = re.fullmatch(pattern, actual) is not None
    else:
        same = expected == actual
    if same:
        return 0
    print(f"the doc's block ({expected_file}) is not what {' '.join(command)} prints "
          f"(exit status {run.returncode}):")
    sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "doc", "printed"))
    sys.stdout.write(run.stderr.decode("utf-8", "replace"))
    return 1


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "extract":
        extract(sys.argv[2], sys.argv[4:], sys.argv[3])
    elif len(sys.argv) > 4 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2], sys.argv[3], sys.argv[4:]))
    else:
        sys.exit(__doc__)
