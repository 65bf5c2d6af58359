#!/usr/bin/env python3
"""Checks a `vigie audit --junit` file the way a CI test reporter would read it.

1. Validates it against the JUnit XML schema of the Jenkins xUnit plugin (junit-10.xsd, in
   this folder; see README.md for its source) with `xmlschema`.
2. Loads it with `junitparser` (a test-report parser used by CI tools) and checks that the
   counts it reads agree with the file's own totals.
3. With --findings FILE (the audit's findings.csv): every finding is exactly one test case of
   the suite `vigie.findings.<attribute>`, a `failure` when its verdict is `disparity`, a
   `skipped` when it is `insufficient_evidence` (the message carrying the finding's reason),
   passed when it is `no_disparity`; and nothing else is a finding case. A French file
   (`--lang fr`, recognised by its case names) words the reason in French: its message must
   not be the English reason, and must carry each of the reason's decimal figures with a
   decimal comma.
4. With --suppressed GROUP (repeatable, `attribute=group`): the group appears in no test case
   but its `skipped` impact-ratio case, whose message holds no figure.

    pip install xmlschema junitparser
    python3 Tests/junit/check_junit.py junit.xml --findings report/findings.csv

Exit code 0 when every check passes, 1 otherwise (each failure printed).
"""
import argparse
import csv
import os
import re
import sys

import junitparser
import xmlschema

HERE = os.path.dirname(os.path.abspath(__file__))
CASE_NAME = {
    "en": re.compile(r"^(?P<group>.*) vs (?P<reference>.*): (?P<metric>[a-z_]+) \((?P<kind>difference|ratio)\)$"),
    "fr": re.compile(r"^(?P<group>.*) contre (?P<reference>.*) : (?P<metric>[a-z_]+) \((?P<kind>différence|ratio)\)$"),
}
KIND = {"difference": "difference", "différence": "difference", "ratio": "ratio"}
# A decimal figure of a reason (not part of a longer number or an exponent form).
DECIMAL = re.compile(r"(?<![\d.eE])\d+\.\d+(?![\d.eE])")


def outcome(case):
    for r in case.result:
        if isinstance(r, junitparser.Failure):
            return "failure", r.message or ""
        if isinstance(r, junitparser.Skipped):
            return "skipped", r.message or ""
        if isinstance(r, junitparser.Error):
            return "error", r.message or ""
    return "passed", ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("junit")
    parser.add_argument("--findings")
    parser.add_argument("--suppressed", action="append", default=[])
    parser.add_argument("--schema", default=os.path.join(HERE, "junit-10.xsd"))
    args = parser.parse_args()
    problems = []

    try:
        xmlschema.XMLSchema(args.schema).validate(args.junit)
    except (xmlschema.XMLSchemaException, SyntaxError) as error:
        print(f"error: {args.junit} is not valid against {os.path.basename(args.schema)}:\n{error}", file=sys.stderr)
        return 1

    xml = junitparser.JUnitXml.fromfile(args.junit)
    cases = [(suite, case) for suite in xml for case in suite]
    counted = {"failure": 0, "skipped": 0, "error": 0, "passed": 0}
    for _, case in cases:
        counted[outcome(case)[0]] += 1
    declared = (int(xml._elem.get("tests")), int(xml._elem.get("failures")), int(xml._elem.get("errors")))
    if declared != (len(cases), counted["failure"], counted["error"]):
        problems.append(f"testsuites declares tests/failures/errors {declared}, the cases give {(len(cases), counted['failure'], counted['error'])}")
    for suite in xml:
        suite_cases = list(suite)
        got = (len(suite_cases), sum(outcome(c)[0] == "failure" for c in suite_cases), sum(outcome(c)[0] == "skipped" for c in suite_cases))
        want = (suite.tests, suite.failures, suite.skipped)
        if got != want:
            problems.append(f"suite {suite.name!r} declares tests/failures/skipped {want}, its cases give {got}")
    gates = [c for _, c in cases if c.classname == "vigie.gates"]
    if len(gates) != 2:
        problems.append(f"{len(gates)} gate test cases, expected 2 (impact-ratio threshold, verdicts)")

    if args.findings:
        with open(args.findings, newline="", encoding="utf-8") as f:
            findings = list(csv.DictReader(f))
        by_key = {}
        french_cases = set()
        for suite, case in cases:
            if not case.classname.startswith("vigie.findings."):
                continue
            attribute = case.classname[len("vigie.findings."):]
            french = CASE_NAME["fr"].match(case.name)
            m = CASE_NAME["en"].match(case.name) or french
            if not m:
                problems.append(f"finding case name not understood: {case.name!r}")
                continue
            key = (attribute, m["group"], m["reference"], m["metric"], KIND[m["kind"]])
            if key in by_key:
                problems.append(f"two cases for {key}")
            by_key[key] = case
            french_cases.add(key) if french else None
        expected = {"disparity": "failure", "insufficient_evidence": "skipped", "no_disparity": "passed"}
        for row in findings:
            key = (row["attribute"], row["group"], row["reference"], row["metric"], row["kind"])
            case = by_key.pop(key, None)
            if case is None:
                problems.append(f"no test case for the finding {key}")
                continue
            kind, message = outcome(case)
            if kind != expected[row["verdict"]]:
                problems.append(f"{key}: verdict {row['verdict']} but the case is {kind}")
            if kind == "passed":
                continue
            if key in french_cases:
                if row["reason"] and row["reason"] in message:
                    problems.append(f"{key}: the French message {message!r} carries the English reason")
                for figure in DECIMAL.findall(row["reason"]):
                    if figure.replace(".", ",") not in message:
                        problems.append(f"{key}: the French message {message!r} lacks the reason's figure {figure} (as {figure.replace('.', ',')})")
            elif not message.endswith(row["reason"]):
                problems.append(f"{key}: the message {message!r} does not carry the reason {row['reason']!r}")
        for key in by_key:
            problems.append(f"a test case for {key}, which findings.csv does not list")
        print(f"{len(findings)} findings, each one test case with its verdict.")

    for hidden in args.suppressed:
        attribute, group = hidden.split("=", 1)
        for _, case in cases:
            mentions = case.name == f"{attribute}={group}" or (case.classname == f"vigie.findings.{attribute}" and case.name.startswith(group + " "))
            if not mentions:
                continue
            kind, message = outcome(case)
            if not (case.classname == f"vigie.impact_ratio.{attribute}" and kind == "skipped" and not re.search(r"\d", message)):
                problems.append(f"suppressed group {hidden} named with figures: {case.classname} / {case.name}: {kind} {message!r}")

    print(f"{args.junit}: valid against {os.path.basename(args.schema)}; junitparser read {len(cases)} test cases "
          f"({counted['failure']} failures, {counted['skipped']} skipped, {counted['passed']} passed).")
    for p in problems:
        print("error: " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
