"""Validates JSON instances against JSON Schemas with python3-jsonschema.

Usage: check_json_schema.py CASES.json
CASES.json is a list of {"name", "schema", "instance", "valid"}. Every schema
must itself be a valid draft 2020-12 schema; an instance marked valid must
pass, one marked invalid must fail. Exits 1 on any disagreement, and fails
(never skips) when jsonschema is not installed.
"""
import datetime
import json
import re
import sys

import jsonschema

# jsonschema checks "date-time" only with the optional rfc3339-validator, which
# Debian does not package; this is RFC 3339 section 5.6 (offset required).
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
format_checker = jsonschema.Draft202012Validator.FORMAT_CHECKER


@format_checker.checks("date-time")
def is_date_time(instance):
    if not isinstance(instance, str):
        return True
    if not RFC3339.match(instance):
        return False
    try:
        datetime.datetime.fromisoformat(instance.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    failures = 0
    for case in cases:
        jsonschema.Draft202012Validator.check_schema(case["schema"])
        validator = jsonschema.Draft202012Validator(case["schema"], format_checker=format_checker)
        errors = [e.message for e in validator.iter_errors(case["instance"])]
        if bool(errors) == case["valid"]:
            failures += 1
            expectation = "valid" if case["valid"] else "invalid"
            print(f"FAIL {case['name']}: expected {expectation}; errors: {errors}")
        else:
            print(f"ok   {case['name']}" + (f" ({errors[0]})" if errors else ""))
    print(f"{len(cases)} cases, {failures} failures")
    return 1 if failures or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
