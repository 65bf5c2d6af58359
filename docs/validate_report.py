#!/usr/bin/env python3
"""Validate Vigie report.json files against docs/report.schema.json.

Usage:
    python3 docs/validate_report.py REPORT.json [REPORT.json ...]
    python3 docs/validate_report.py --schema path/to/report.schema.json out/report.json

A directory argument is read as DIR/report.json. Prints one line per file ("ok" or the
errors, each with its JSON path) and exits 1 if any file is invalid or unreadable,
2 on a usage error. Needs the `jsonschema` package (draft 2020-12 support, >= 4.0).

The schema is strict (unknown keys are errors): it checks that a report is exactly what
schema version 1.0 says. Consumers of reports should instead ignore keys they do not know
(docs/report-schema.md, "Versioning").
"""

import argparse
import json
import sys
from pathlib import Path

try:
    import jsonschema
except ImportError:  # pragma: no cover
    sys.exit("validate_report.py needs the 'jsonschema' package: pip install jsonschema")

DEFAULT_SCHEMA = Path(__file__).resolve().parent / "report.schema.json"
MAX_ERRORS = 20


def json_path(error):
    path = "$"
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def describe(error, report):
    """`$.path: message`, naming the key for a `false` subschema (jsonschema leaves it out)."""
    path = json_path(error)
    if error.validator is None and error.message.startswith("False schema"):
        parent = report
        for part in error.absolute_path:
            parent = parent[part]
        if isinstance(parent, dict):
            keys = [k for k, v in parent.items() if v is error.instance] or [k for k, v in parent.items() if v == error.instance]
            if keys:
                return f"{path}: key {' or '.join(map(repr, keys))} is not allowed here"
    return f"{path}: {error.message}"


def validate(validator, path):
    """Returns a list of error lines (empty when the file is valid)."""
    if path.is_dir():
        path = path / "report.json"
    try:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        return [f"cannot read: {e}"]
    errors = sorted(validator.iter_errors(report), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    lines = []
    for error in errors[:MAX_ERRORS]:
        # For if/then and oneOf failures, the most specific cause is the useful one.
        best = jsonschema.exceptions.best_match([error])
        lines.append(describe(best, report))
    if len(errors) > MAX_ERRORS:
        lines.append(f"… and {len(errors) - MAX_ERRORS} more errors")
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description="Validate Vigie report.json files against the report schema.")
    parser.add_argument("reports", nargs="+", type=Path, help="report.json files (or output folders holding one)")
    parser.add_argument("--schema", type=Path, default=DEFAULT_SCHEMA, help=f"schema file (default: {DEFAULT_SCHEMA})")
    args = parser.parse_args(argv)

    with open(args.schema, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    failed = 0
    for path in args.reports:
        errors = validate(validator, path)
        if errors:
            failed += 1
            print(f"{path}: INVALID")
            for line in errors:
                print(f"  {line}")
        else:
            print(f"{path}: ok")
    if failed:
        print(f"{failed} of {len(args.reports)} report(s) invalid", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
