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

A report that passes the schema is then checked for what JSON Schema cannot express:
spec.csv.missing sorted, band edges and cut points strictly increasing, an attribute's
cut_points matching its spec.protected[].binning, its reference rule matching the declared
(or default) one, reference.group naming the one group flagged reference, and a group's
score_mean counting no more rows (n) than the group has. Which metrics exist (including
score_mean and its disparities, present exactly when input.has_score) is the schema's job.
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


def increasing(xs):
    return all(a < b for a, b in zip(xs, xs[1:]))


def score_rows_errors(group, at):
    """score_mean's n is the group's rows with a score, so at most its row count."""
    score = group["metrics"].get("score_mean")
    if score is not None and score["n"] > group["count"]:
        return [f"{at}.metrics.score_mean.n: {score['n']} rows with a score, more than the group's count {group['count']}"]
    return []


def consistency_errors(report):
    """Cross-field rules of docs/report-schema.md that JSON Schema cannot state."""
    errors = []
    spec = report["spec"]
    missing = spec["csv"]["missing"]
    if missing != sorted(missing):
        errors.append("$.spec.csv.missing: not sorted")
    errors += score_rows_errors(report["overall"], "$.overall")
    declared = {}
    for i, p in enumerate(spec["protected"]):
        binning = p["binning"]
        if binning["kind"] == "bands" and not increasing(binning["edges"]):
            errors.append(f"$.spec.protected[{i}].binning.edges: not strictly increasing")
        declared.setdefault(p["column"], p)
    for i, a in enumerate(report["attributes"]):
        at = f"$.attributes[{i}]"
        cuts = a.get("cut_points")
        if a["kind"] == "attribute":
            p = declared.get(a["components"][0])
            if p is None:
                errors.append(f"{at}.components[0]: {a['components'][0]!r} is not in spec.protected")
                continue
            binning = p["binning"]
            if cuts is not None:
                if binning["kind"] == "categorical":
                    errors.append(f"{at}.cut_points: present, but the attribute is categorical")
                elif not increasing(cuts):
                    errors.append(f"{at}.cut_points: not strictly increasing")
                elif binning["kind"] == "quantiles" and len(cuts) > binning["quantiles"] - 1:
                    errors.append(f"{at}.cut_points: {len(cuts)} cut points for {binning['quantiles']} quantiles")
            if binning["kind"] == "bands" and cuts != binning["edges"]:
                errors.append(f"{at}.cut_points: {cuts} differs from the band edges {binning['edges']}")
            rule = p.get("reference", spec["default_reference"])
            ref = a["reference"]
            if ref["rule"] != rule["rule"] or ref.get("named") != rule.get("group"):
                errors.append(f"{at}.reference: rule {ref['rule']!r} / named {ref.get('named')!r} differs from the declared {rule}")
        for j, g in enumerate(a["groups"]):
            errors += score_rows_errors(g, f"{at}.groups[{j}]")
        flagged = [g["group"] for g in a["groups"] if g["reference"]]
        expected = [] if a["reference"]["whole_population"] else [a["reference"]["group"]]
        if flagged != expected:
            errors.append(f"{at}.groups: groups flagged reference {flagged}, expected {expected} (from reference.group)")
    return errors


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
    if not errors:
        lines = consistency_errors(report)
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
