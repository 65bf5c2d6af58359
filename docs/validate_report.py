#!/usr/bin/env python3
"""Validate Vigie report.json files against docs/report.schema.json.

Usage:
    python3 docs/validate_report.py REPORT.json [REPORT.json ...]
    python3 docs/validate_report.py --schema path/to/report.schema.json out/report.json

A directory argument is read as DIR/report.json. Prints one line per file ("ok" or the
errors, each with its JSON path) and exits 1 if any file is invalid or unreadable,
2 on a usage error. Needs the `jsonschema` package (draft 2020-12 support, >= 4.0).

The schema is strict (unknown keys are errors): it checks that a report is exactly what
schema version 1.3 says. Consumers of reports should instead ignore keys they do not know
(docs/report-schema.md, "Versioning").

A report that passes the schema is then checked for what JSON Schema cannot express:
spec.csv.missing sorted, band edges and cut points strictly increasing, an attribute's
cut_points matching its spec.protected[].binning, its reference rule matching the declared
(or default) one, reference.group naming the one group flagged reference, and a group's
score_mean counting no more rows (n) than the group has. Which metrics exist (including
score_mean and its disparities, present exactly when input.has_score) is the schema's job.

For the inference (docs/inference.md) it also checks: every interval has low <= high, and an
analytic one (`ci`) contains its value (up to rounding); a rate's `ci` method matches
spec.inference.interval, a bootstrap one spec.inference.bootstrap_method, and bootstrap
intervals appear only when the audit ran a bootstrap; disparities against the whole
population carry no `ci`; the findings are exactly one difference and one ratio per compared
rate for every non-empty, non-reference group of every attribute, in order, naming existing
attributes and groups, the attribute's reference (or "rest"), the right `intersection` flag and
group_rows (= value.n = the group's rate's n); against a reference group, a finding's value and
interval equal the group's `<rate>_difference` / `<rate>_ratio`; each verdict follows from the
rules of FindingsBuilder.swift; `verdicts` counts the findings; the adjusted p-values are the
adjustment (spec.inference.adjust) of every comparison's p-value, once, and of every
independence test; and an independence test names an attribute, has groups = degrees of
freedom + 1, and no more groups than the attribute has non-empty ones. An audit with neither a
label nor a decision (allocation only) compares no rate. The allocation's findings
(allocation_mean, bill_mean, water_price_per_m3, drought_reduction_per_person, effort_above_3pct_share,
shortfall_share: after
the rates', docs/allocation.md#findings) are checked apart: one per group of every attribute with
a reference group and metric the allocation publishes, in order; value (and interval, when the
allocation's disparity has one) equal to the group's `<metric>_<kind>` in the allocation; the
verdict by the same rules on the allocation's households; their adjusted p-values the adjustment
of their own family.

For the human stage (model.human, docs/human-stage.md) it checks: grid_stage_gap +
human_stage_gap = actual_gap, intervals ordered, a suppressed group publishes no value, and a
finding names a published group and equals its `<rate>_difference` / `_ratio`.

For the scan (scan, docs/scan.md) it checks: clusters numbered 1, 2, … across populations; each
with at least min_cell_size held-out applicants inside and outside, size + rest_size =
held_out_rows, difference = cluster_mean − rest_mean (to 1e-9), negative, its interval ordered
and containing it, p_value ≤ p_adjusted ≤ 1, p_adjusted < alpha; discovery_rows +
held_out_rows = rows, tested ≤ candidates, confirmed ≤ tested.

For the allocation audit (docs/allocation.md) it checks: overall.households + missing = input.rows
and each attribute's groups add up to overall.households; the allocation attributes are the
central table's, in order, with the same reference group, flagged on exactly that group, and
disparities on every group exactly when that reference is a group; intervals are ordered, an
analytic one contains its value and has its metric's method (normal, order_statistics, wilson),
a bootstrap one the spec's method; for each attribute, `<index>_between + <index>_within` equals
the overall index (theil_t, theil_l, ge_2) to 1e-9 where defined, all three undefined together
otherwise, neither part negative; the drought shares (of the volume cut, of households, of
persons) of an attribute's (or intersection's) groups sum to 1 to 1e-9 when all are defined; and
the Lorenz curve runs from [0, 0] to [1, 1], non-decreasing, below the diagonal.
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
    errors += interval_errors(report)
    errors += finding_errors(report)
    errors += allocation_errors(report)
    errors += assessment_errors(report)
    errors += human_errors(report)
    errors += scan_errors(report)
    return errors


def human_errors(report):
    """model.human (docs/human-stage.md): the stage split adds up, a published finding's
    value and interval equal its group's `<rate>_difference` / `_ratio`, intervals are ordered,
    and a suppressed group publishes no value."""
    errors = []
    human = (report.get("model") or {}).get("human")
    if not human:
        return errors
    for i, a in enumerate(human["attributes"]):
        at = f"$.model.human.attributes[{i}]"
        groups = {g["group"]: g for g in a["groups"]}
        for j, g in enumerate(a["groups"]):
            m = g["metrics"]
            for name, v in m.items():
                for key in ("ci", "bootstrap_ci"):
                    ci = v.get(key)
                    if ci and ci["low"] > ci["high"]:
                        errors.append(f"{at}.groups[{j}].metrics.{name}.{key}: low {ci['low']} > high {ci['high']}")
                if g["suppressed"] and v["status"] not in ("suppressed",):
                    errors.append(f"{at}.groups[{j}].metrics.{name}: the group is suppressed, but the value is {v['status']}")
            parts = [m.get(k) for k in ("actual_gap", "grid_stage_gap", "human_stage_gap")]
            if all(p and p["status"] == "ok" for p in parts):
                total, grid, human_part = (p["value"] for p in parts)
                if abs(grid + human_part - total) > 1e-12:
                    errors.append(f"{at}.groups[{j}]: grid_stage_gap {grid} + human_stage_gap {human_part} != actual_gap {total}")
        for k, f in enumerate(a["findings"]):
            g = groups.get(f["group"])
            if g is None or g["suppressed"]:
                errors.append(f"$.model.human.attributes[{i}].findings[{k}]: group {f['group']!r} is not a published group")
                continue
            v = g["metrics"].get(f"{f['metric']}_{f['kind']}")
            if v is None or v.get("value") != f["value"].get("value") or v.get("ci") != f["value"].get("ci"):
                errors.append(f"$.model.human.attributes[{i}].findings[{k}]: value or interval differs from the group's {f['metric']}_{f['kind']}")
    return errors


RATE_CI = {"wilson": "wilson", "exact": "clopper_pearson"}
BOOTSTRAP_CI = {"bca": "bootstrap_bca", "percentile": "bootstrap_percentile"}
SPECIAL = {"score_mean", "count", "share", "tp", "fp", "tn", "fn"}


def scan_errors(report):
    """scan (docs/scan.md): the disclosure threshold, the held-out arithmetic, the tests."""
    errors = []
    scan = report.get("scan")
    if scan is None:
        return errors
    k, alpha, number = scan["min_cell_size"], scan["alpha"], 0
    for i, p in enumerate(scan["populations"]):
        at = f"$.scan.populations[{i}]"
        if p["discovery_rows"] + p["held_out_rows"] != p["rows"]:
            errors.append(f"{at}: discovery_rows + held_out_rows != rows")
        if p["tested"] > p["candidates"] or len(p["clusters"]) > p["tested"]:
            errors.append(f"{at}: more clusters tested than candidates, or confirmed than tested")
        for j, c in enumerate(p["clusters"]):
            cat = f"{at}.clusters[{j}]"
            number += 1
            if c["cluster"] != number:
                errors.append(f"{cat}: cluster {c['cluster']}, expected {number}")
            if c["size"] < k or c["rest_size"] < k:
                errors.append(f"{cat}: fewer than min_cell_size = {k} held-out applicants inside or outside (disclosure)")
            if c["size"] + c["rest_size"] != p["held_out_rows"]:
                errors.append(f"{cat}: size + rest_size != held_out_rows")
            if not close(c["difference"], c["cluster_mean"] - c["rest_mean"]):
                errors.append(f"{cat}: difference != cluster_mean - rest_mean")
            if not c["difference"] < 0:
                errors.append(f"{cat}: a confirmed cluster is worse than the rest (difference < 0)")
            if ("ci_low" in c) != ("ci_high" in c):
                errors.append(f"{cat}: ci_low and ci_high come together")
            elif "ci_low" in c and not (c["ci_low"] <= c["difference"] <= c["ci_high"]):
                errors.append(f"{cat}: the interval does not contain the difference")
            if "p_value" in c and c["p_value"] > c["p_adjusted"]:
                errors.append(f"{cat}: p_value > p_adjusted")
            if not c["p_adjusted"] < alpha:
                errors.append(f"{cat}: p_adjusted >= alpha: not confirmed")
            if ("p_value" not in c or "ci_low" not in c) and "unavailable" not in c:
                errors.append(f"{cat}: a missing p-value or interval says why (unavailable)")
    return errors


def close(a, b):
    """Equal up to a relative 1e-12 (p-values can be as small as 1e-300)."""
    return abs(a - b) <= 1e-12 * max(abs(a), abs(b))


def interval_errors(report):
    """Intervals: ordered, analytic ones containing their value, methods as the spec says."""
    errors = []
    inference = report["spec"]["inference"]
    boot = BOOTSTRAP_CI.get(inference.get("bootstrap_method")) if inference["bootstrap_replicates"] > 0 else None

    def check(value, at, rate=False):
        for key in ("ci", "bootstrap_ci"):
            ci = value.get(key)
            if ci is None:
                continue
            if not ci["low"] <= ci["high"]:
                errors.append(f"{at}.{key}: low {ci['low']} > high {ci['high']}")
            elif key == "ci":
                x, slack = value["value"], 1e-9 * max(1.0, abs(value["value"]))
                if not ci["low"] - slack <= x <= ci["high"] + slack:
                    errors.append(f"{at}.ci: [{ci['low']}, {ci['high']}] does not contain the value {x}")
            if key == "ci" and rate and ci["method"] != RATE_CI[inference["interval"]]:
                errors.append(f"{at}.ci.method: {ci['method']!r}, but spec.inference.interval is {inference['interval']!r}")
            if key == "bootstrap_ci" and ci["method"] != boot:
                errors.append(f"{at}.bootstrap_ci: method {ci['method']!r}, but the audit ran " + (f"{boot!r}" if boot else "no bootstrap"))

    for name, value in report["overall"]["metrics"].items():
        check(value, f"$.overall.metrics.{name}", rate=name not in SPECIAL)
    for i, a in enumerate(report["attributes"]):
        at = f"$.attributes[{i}]"
        for j, g in enumerate(a["groups"]):
            for name, value in g["metrics"].items():
                check(value, f"{at}.groups[{j}].metrics.{name}", rate=name not in SPECIAL)
            for name, value in g.get("disparities", {}).items():
                check(value, f"{at}.groups[{j}].disparities.{name}")
                if "ci" in value and (a["reference"]["whole_population"] or g["reference"]):
                    errors.append(f"{at}.groups[{j}].disparities.{name}.ci: an analytic interval against "
                                  + ("the whole population" if not g["reference"] else "the group itself"))
            if "impact_ratio" in g:
                check(g["impact_ratio"], f"{at}.groups[{j}].impact_ratio")
        for name, value in a["aggregates"].items():
            check(value, f"{at}.aggregates.{name}")
    for k, f in enumerate(report["findings"]):
        check(f["value"], f"$.findings[{k}].value")
    return errors


ALLOCATION_CI = {
    "allocation_mean": "normal", "allocation_per_capita": "normal", "bill_mean": "normal",
    "allocation_median": "order_statistics", "shortfall_share": "wilson", "effort_above_3pct_share": "wilson",
}
# Shares use the audit's rate interval: Wilson, or Clopper-Pearson with `interval: exact`.
PROPORTION_CI = {"wilson": "wilson", "exact": "clopper_pearson"}
DECOMPOSED = ("theil_t", "theil_l", "ge_2")
DROUGHT_SHARES = ("drought_reduction_share", "drought_household_share", "drought_person_share")
TOLERANCE = 1e-9


def allocation_errors(report):
    """The allocation object (docs/allocation.md): cheap consistency checks.

    Households add up (overall.households + missing = input.rows; each attribute's groups sum to
    overall.households); attributes and groups match the central table, in order, with the same
    reference; intervals are ordered, analytic ones contain their value and bootstrap ones follow
    spec.inference; for each attribute and index, between + within equals the overall index to
    1e-9 where the decomposition is defined (and both are undefined exactly when the overall index
    is); the drought shares of the groups of an attribute (or intersection: its groups partition the
    population too) sum to 1 within 1e-9 when every group's share is defined; the Lorenz curve runs
    from (0, 0) to (1, 1), non-decreasing, below the diagonal.
    """
    a = report.get("allocation")
    if a is None:
        return []
    errors = []
    rows = report["input"]["rows"]
    overall = a["overall"]
    if overall["households"] + a["missing"] != rows:
        errors.append(f"$.allocation: overall.households {overall['households']} + missing {a['missing']} != input.rows {rows}")
    inference = report["spec"]["inference"]
    boot = BOOTSTRAP_CI.get(inference.get("bootstrap_method")) if inference["bootstrap_replicates"] > 0 else None

    def check(value, at, expected=None):
        for key in ("ci", "bootstrap_ci"):
            ci = value.get(key)
            if ci is None:
                continue
            if not ci["low"] <= ci["high"]:
                errors.append(f"{at}.{key}: low {ci['low']} > high {ci['high']}")
                continue
            if key == "ci":
                x, slack = value["value"], 1e-9 * max(1.0, abs(value["value"]))
                if not ci["low"] - slack <= x <= ci["high"] + slack:
                    errors.append(f"{at}.ci: [{ci['low']}, {ci['high']}] does not contain the value {x}")
                if expected is not None and ci["method"] != expected:
                    errors.append(f"{at}.ci.method: {ci['method']!r}, expected {expected!r}")
            elif ci["method"] != boot:
                errors.append(f"{at}.bootstrap_ci: method {ci['method']!r}, but the audit ran " + (f"{boot!r}" if boot else "no bootstrap"))

    def check_group(g, at):
        for name, value in g["metrics"].items():
            check(value, f"{at}.metrics.{name}", PROPORTION_CI[inference["interval"]] if name in ("shortfall_share", "effort_above_3pct_share") else ALLOCATION_CI.get(name))
        if g["metrics"]["allocation_mean"]["n"] != g["households"]:
            errors.append(f"{at}: households {g['households']} differs from allocation_mean.n {g['metrics']['allocation_mean']['n']}")
        for name, value in g.get("disparities", {}).items():
            check(value, f"{at}.disparities.{name}")
            if "ci" in value and g["reference"]:
                errors.append(f"{at}.disparities.{name}.ci: an analytic interval of the reference group against itself")

    check_group(overall, "$.allocation.overall")
    central = report["attributes"]
    if [x["name"] for x in a["attributes"]] != [x["name"] for x in central]:
        errors.append("$.allocation.attributes: names differ from $.attributes (same attributes, same order expected)")
        return errors
    om = overall["metrics"]
    for i, (x, c) in enumerate(zip(a["attributes"], central)):
        at = f"$.allocation.attributes[{i}]"
        labels = [g["group"] for g in c["groups"]]
        mine = [g["group"] for g in x["groups"]]
        if any(label not in labels for label in mine) or sorted(mine, key=labels.index) != mine:
            errors.append(f"{at}.groups: not groups of {c['name']!r} in its order")
        expected_ref = None if c["reference"]["whole_population"] else c["reference"]["group"]
        if x.get("reference") != expected_ref:
            errors.append(f"{at}.reference: {x.get('reference')!r}, but $.attributes[{i}].reference.group is {expected_ref!r}")
        flagged = [g["group"] for g in x["groups"] if g["reference"]]
        if flagged != ([expected_ref] if expected_ref in mine else []):
            errors.append(f"{at}.groups: groups flagged reference {flagged}, expected {expected_ref!r}")
        has_disparities = [("disparities" in g) for g in x["groups"]]
        if any(has_disparities) != (expected_ref in mine) or (any(has_disparities) and not all(has_disparities)):
            errors.append(f"{at}.groups: disparities must be on every group exactly when the reference is a group with households")
        if sum(g["households"] for g in x["groups"]) != overall["households"]:
            errors.append(f"{at}.groups: households add up to {sum(g['households'] for g in x['groups'])}, not overall.households {overall['households']}")
        for j, g in enumerate(x["groups"]):
            check_group(g, f"{at}.groups[{j}]")
        d = x["decompositions"]
        for index in DECOMPOSED:
            between, within, total = d[f"{index}_between"], d[f"{index}_within"], om[index]
            statuses = {between["status"], within["status"], total["status"]}
            if between["status"] == within["status"] == "suppressed" and total["status"] == "ok":
                continue  # withheld by disclosure control: a group of the attribute is suppressed
            if len(statuses) != 1:
                errors.append(f"{at}.decompositions.{index}: between {between['status']}, within {within['status']}, overall {total['status']} (all defined or all undefined)")
            elif total["status"] == "ok":
                gap = between["value"] + within["value"] - total["value"]
                if abs(gap) > TOLERANCE * max(1.0, abs(total["value"])):
                    errors.append(f"{at}.decompositions.{index}: between + within = {between['value'] + within['value']}, overall {total['value']} (gap {gap})")
                if between["value"] < -TOLERANCE or within["value"] < -TOLERANCE:
                    errors.append(f"{at}.decompositions.{index}: a negative part")
        for share in DROUGHT_SHARES:
            values = [g["metrics"].get(share) for g in x["groups"]]
            if not values or any(v is None or v["status"] != "ok" for v in values):
                continue
            total = sum(v["value"] for v in values)
            if abs(total - 1) > TOLERANCE:
                errors.append(f"{at}.groups[].metrics.{share}: sums to {total}, not 1")
    lorenz = a["lorenz"]
    if lorenz:
        ps = [p for p, _ in lorenz]
        ls = [s for _, s in lorenz]
        if ps != [k / 20 for k in range(21)] and any(abs(p - k / 20) > 1e-12 for k, p in enumerate(ps)):
            errors.append("$.allocation.lorenz: p is not 0, 0.05, …, 1")
        if lorenz[0] != [0, 0] or lorenz[-1] != [1, 1]:
            errors.append("$.allocation.lorenz: does not run from [0, 0] to [1, 1]")
        if any(b < a_ - TOLERANCE for a_, b in zip(ls, ls[1:])) or any(s > p + TOLERANCE or s < -TOLERANCE for p, s in lorenz):
            errors.append("$.allocation.lorenz: not non-decreasing within [0, p]")
    concentration = a.get("concentration")
    if concentration and (concentration[0] != [0, 0] or concentration[-1] != [1, 1]):
        errors.append("$.allocation.concentration: does not run from [0, 0] to [1, 1]")
    return errors


LEGAL_IDS = [
    "crpa_l311_3_1", "crpa_r311_3_1_2_1", "crpa_r311_3_1_2_2", "crpa_r311_3_1_2_3", "crpa_r311_3_1_2_4",
    "crpa_l312_1_3", "ai_act_9", "ai_act_10_2_f", "ai_act_10_2_g", "ai_act_13", "ai_act_14", "ai_act_15",
    "ai_act_27_a", "ai_act_27_b", "ai_act_27_c", "ai_act_27_d", "ai_act_27_e", "ai_act_27_f", "four_fifths",
]
CONCERNS = ["parametrage", "fiabilite", "securisation", "dependance", "cout_gains", "gestion", "place_humain", "formation"]
OBJECTIVES = ["confiance", "transparence", "ethique_mesure", "souverainete"]


def assessment_errors(report):
    """Schema 1.1's assessment: items in their order; an item whose evidence is all missing
    is not assessable; a system-card field declared in `system` is never reported missing
    (evidence key evidence.missing_field names no declared field — checked through the
    concern of governance, whose evidence is declared-only); and each LL144 impact-ratio
    table checked: each category shows the audit's impact ratio of its group (one impact ratio
    everywhere), marked `unknown` or `small` (under 2 % of input.rows), recomputed as its rate
    over the highest rate of the categories it may be compared with."""
    errors = []
    a = report["assessment"]
    # Without `context` (earlier 1.x reports) every item is there; `generic` has no convention
    # and no CRPA item, `french_public_body` has them all.
    french = a.get("context", "french_public_body") == "french_public_body"
    if french:
        if [o["id"] for o in a.get("objectives", [])] != OBJECTIVES:
            errors.append("$.assessment.objectives: expected the four objectives in order")
        if [c["id"] for c in a.get("concerns", [])] != CONCERNS:
            errors.append("$.assessment.concerns: expected the eight concerns in order")
    else:
        for part in ("objectives", "concerns"):
            if part in a:
                errors.append(f"$.assessment.{part}: present, but the context is generic (not a French public body)")
    expected_legal = [i for i in LEGAL_IDS if french or not i.startswith("crpa_")]
    if [item["id"] for item in a["legal"]] != expected_legal:
        errors.append("$.assessment.legal: expected the legal items in order")
    for part in ("objectives", "concerns", "legal"):
        for i, item in enumerate(a.get(part, [])):
            sources = {e["source"] for e in item["evidence"]}
            if sources == {"missing"} and item["status"] != "not_assessable":
                errors.append(f"$.assessment.{part}[{i}]: only missing evidence, but status {item['status']}")
    system = report.get("system", {})
    governance = a["concerns"][CONCERNS.index("gestion")] if len(a.get("concerns", [])) == 8 else None
    if governance is not None:
        declared = sum(1 for k in ("operator", "ethics_committee", "review_dates") if k in system)
        expected = "not_assessable" if declared == 0 else "met" if declared == 3 else "attention"
        if governance["status"] != expected:
            errors.append(f"$.assessment.concerns[gestion]: {declared} of 3 fields declared, expected {expected}, found {governance['status']}")
    rows = report["input"]["rows"]
    names = [attr["name"] for attr in report["attributes"]]
    if report["input"]["has_decision"] and [t["attribute"] for t in a["impact_ratio_tables"]] != names:
        errors.append("$.assessment.impact_ratio_tables: expected one table per attribute, in order")
    declared, singles = mandated_priorities(report)
    attributes = {attr["name"]: attr for attr in report["attributes"]}
    minimum = report["spec"]["min_group_size"]
    for i, table in enumerate(a["impact_ratio_tables"]):
        at = f"$.assessment.impact_ratio_tables[{i}]"
        attr = attributes.get(table["attribute"])
        groups = {g["group"]: g for g in attr["groups"]} if attr else {}
        for j, r in enumerate(table["rows"]):
            if abs(r["share"] - r["count"] / rows) > 1e-12:
                errors.append(f"{at}.rows[{j}]: share {r['share']} is not count / input.rows")
            g = groups.get(r["category"])
            if g is None:
                errors.append(f"{at}.rows[{j}]: {r['category']!r} is not a group of the attribute")
                continue
            note = "unknown" if g["unknown"] else "small" if r["count"] / rows < 0.02 else None
            if r.get("note") != note:
                errors.append(f"{at}.rows[{j}]: note {r.get('note')!r}, expected {note!r}")
            # One impact ratio everywhere: the table shows the audit's value for the group.
            ratio = g.get("impact_ratio", {})
            published = ratio.get("value") if ratio.get("status") == "ok" else None
            if r.get("impact_ratio") != published:
                errors.append(f"{at}.rows[{j}]: impact_ratio {r.get('impact_ratio')} differs from the group's {published}")
            if published is None and "excluded" not in r:
                errors.append(f"{at}.rows[{j}]: no impact ratio and no reason it is excluded")
            # Recomputed: the rate over the highest rate of the groups it may be compared with
            # (at least min_group_size rows, or any when none is, not unknown, holding no
            # mandated priority the group lacks; docs/spec.md "Mandated priorities").
            if published is not None and "rate" in r:
                mine = held(attr, r["category"], declared, singles)
                known = [x for x in attr["groups"] if x["count"] > 0 and not x["unknown"]]
                large = [x for x in known if x["count"] >= minimum] or known
                comparators = [x for x in large if held(attr, x["group"], declared, singles) <= mine]
                rates = [next((t.get("rate") for t in table["rows"] if t["category"] == x["group"]), None) for x in comparators]
                if comparators and None not in rates and max(rates) > 0 and abs(published - r["rate"] / max(rates)) > 1e-12:
                    errors.append(f"{at}.rows[{j}]: impact_ratio should be {r['rate'] / max(rates)}")
    return errors


def compared_rates(report):
    label, decision = report["input"]["has_label"], report["input"]["has_decision"]
    if label and decision:
        return ["selection_rate", "fpr", "fnr", "ppv"]
    if decision:
        return ["selection_rate"]
    return ["base_rate"] if label else []  # an allocation-only audit compares no rate


def adjust(p, method):
    """statsmodels multipletests: holm, fdr_bh, or none."""
    m = len(p)
    order = sorted(range(m), key=lambda i: (p[i], i))
    out = [0.0] * m
    if method == "holm":
        running = float("-inf")
        for rank, i in enumerate(order):
            running = max(running, p[i] * (m - rank))
            out[i] = min(running, 1.0)
    elif method == "bh":
        running = float("inf")
        for rank in range(m - 1, -1, -1):
            i = order[rank]
            running = min(running, p[i] / ((rank + 1) / m))
            out[i] = min(running, 1.0)
    else:
        out = list(p)
    return out


def mandated_priorities(report):
    """The system card's `mandated_priorities` (`attribute` or `attribute=group`) and the
    single attributes, whose references decide who holds a bare priority."""
    declared = {}
    for p in report.get("system", {}).get("mandated_priorities", []) or []:
        attribute, _, group = str(p).partition("=")
        declared[attribute] = group or None
    singles = {a["name"]: a for a in report["attributes"] if a["kind"] != "intersection"}
    return declared, singles


def held(a, label, declared, singles):
    """The mandated priorities a group holds: per component, the declared group, or (bare
    form) any known group other than the single attribute's named reference."""
    components = a.get("components") or [a["name"]]
    values = label.split("*") if len(components) > 1 else [label]
    out = set()
    for c, v in zip(components, values):
        if c not in declared:
            continue
        single = singles.get(c)
        if single is not None and any(g["group"] == v and g["unknown"] for g in single["groups"]):
            continue
        if declared[c] is not None:
            if v == declared[c]:
                out.add(c)
        else:
            ref = single and not single["reference"]["whole_population"] and single["reference"].get("group")
            if ref and v != ref:
                out.add(c)
    return out


def priority_comparison(a, label, declared, singles):
    """(stratum reference, priority gap) as Audit.priorityComparison: a group of an
    intersection crossing a priority with a suspect ground, which differs from the reference
    on both, is compared within its priority level; one differing on priorities alone has a
    priority gap ('group' or 'reference' favoured)."""
    r = None if a["reference"]["whole_population"] else a["reference"].get("group")
    if r is None or r == label:
        return None, None
    components = a.get("components") or [a["name"]]
    mandated = [i for i, c in enumerate(components) if c in declared]
    mine, theirs = held(a, label, declared, singles), held(a, r, declared, singles)
    if not mandated or mine == theirs:
        return None, None
    gv = label.split("*") if len(components) > 1 else [label]
    rv = r.split("*") if len(components) > 1 else [r]
    if all(gv[i] == rv[i] for i in range(len(components)) if i not in mandated):
        if theirs < mine:
            return None, "group"
        if mine < theirs:
            return None, "reference"
        return None, None
    stratum = "*".join(gv[i] if i in mandated else rv[i] for i in range(len(components)))
    group = next((g for g in a["groups"] if g["group"] == stratum), None)
    if stratum == label or group is None or group["count"] == 0:
        return None, None
    return stratum, None


# The direction in which a metric favours the person when the decision is favourable
# (GroupMetric.favourableDirection): +1 a higher value favours, -1 a lower one.
FAVOURABLE_DIRECTION = {"selection_rate": 1, "tpr": 1, "fpr": 1, "ppr": 1, "fdr": 1, "false_omission_rate": 1,
                        "fnr": -1, "tnr": -1, "ppv": -1, "npv": -1}


def verdict_of(f, a, group, spec, reference=None):
    """FindingsBuilder.judge, on the report's numbers."""
    inference = spec["inference"]
    value = f["value"]
    if group["count"] < spec["min_group_size"]:
        return "insufficient_evidence"
    if not a["reference"]["whole_population"]:
        ref = next(g for g in a["groups"] if g["group"] == (reference or a["reference"]["group"]))
        if ref["count"] < spec["min_group_size"]:
            return "insufficient_evidence"
    if f["group_rows"] < inference["min_denominator"] or f["reference_rows"] < inference["min_denominator"]:
        return "insufficient_evidence"
    if value["status"] != "ok" or "ci" not in value:
        return "insufficient_evidence"
    low, high = value["ci"]["low"], value["ci"]["high"]
    if f["kind"] == "difference":
        band = (-inference["difference_tolerance"], inference["difference_tolerance"])
    else:
        band = (spec["impact_ratio_threshold"], 1 / spec["impact_ratio_threshold"])
    if high < band[0] or low > band[1]:
        p = f.get("p_adjusted")
        return "disparity" if p is not None and p < inference["alpha"] else "insufficient_evidence"
    if low >= band[0] and high <= band[1]:
        return "no_disparity"
    return "insufficient_evidence"


ALLOCATION_MEANS = ["allocation_mean", "bill_mean", "water_price_per_m3", "drought_reduction_per_person"]
ALLOCATION_SHARES = ["effort_above_3pct_share", "shortfall_share"]


def allocation_finding_errors(report, findings):
    """The allocation's findings (AllocationFindings.swift) against the allocation section."""
    errors = []
    spec = report["spec"]
    inference = spec["inference"]
    allocation = report.get("allocation")
    if allocation is None:
        return [f"$.findings: {len(findings)} allocation findings without an allocation"] if findings else []
    hidden = {(c["attribute"], c["group"]) for c in report.get("disclosure", {}).get("suppressed_cells", [])}
    expected, groups = [], {}
    for a in allocation["attributes"]:
        ref = a.get("reference")
        by = {g["group"]: g for g in a["groups"]}
        if ref is None or ref not in by or (a["name"], ref) in hidden:
            continue
        for g in a["groups"]:
            if g["reference"] or g["households"] == 0 or (a["name"], g["group"]) in hidden:
                continue
            groups[(a["name"], g["group"])] = (g, by[ref])
            for m in ALLOCATION_MEANS + ALLOCATION_SHARES:
                if m in g["metrics"] and m in by[ref]["metrics"]:
                    expected += [(a["name"], g["group"], m, k) for k in (["ratio"] if m in ALLOCATION_MEANS else ["difference", "ratio"])]
    actual = [(f["attribute"], f["group"], f["metric"], f["kind"]) for f in findings]
    if actual != expected:
        errors.append(f"$.findings: the allocation's findings are not one per compared metric of every non-reference group, in order"
                      f" (missing {[e for e in expected if e not in set(actual)][:3]}, unexpected {[e for e in actual if e not in set(expected)][:3]})")
    tested = {}
    for k, f in enumerate(findings):
        at = f"$.findings[allocation {k}]"
        pair = groups.get((f["attribute"], f["group"]))
        if pair is None:
            continue
        g, ref = pair
        if f["reference"] != ref["group"]:
            errors.append(f"{at}.reference: {f['reference']!r}, expected {ref['group']!r}")
        twin = g.get("disparities", {}).get(f"{f['metric']}_{f['kind']}")
        if twin is not None:
            if twin.get("status") != f["value"].get("status") or (twin.get("status") == "ok" and not close(twin["value"], f["value"]["value"])):
                errors.append(f"{at}.value: differs from the allocation's disparities.{f['metric']}_{f['kind']}")
            if "ci" in twin and ("ci" not in f["value"] or not (close(twin["ci"]["low"], f["value"]["ci"]["low"]) and close(twin["ci"]["high"], f["value"]["ci"]["high"]))):
                errors.append(f"{at}.value.ci: differs from the allocation's disparities.{f['metric']}_{f['kind']}")
        verdict = "insufficient_evidence"
        value = f["value"]
        if g["households"] >= spec["min_group_size"] and ref["households"] >= spec["min_group_size"] \
                and f["group_rows"] >= inference["min_denominator"] and f["reference_rows"] >= inference["min_denominator"] \
                and value["status"] == "ok" and "ci" in value:
            low, high = value["ci"]["low"], value["ci"]["high"]
            band = (-inference["difference_tolerance"], inference["difference_tolerance"]) if f["kind"] == "difference" \
                else (spec["impact_ratio_threshold"], 1 / spec["impact_ratio_threshold"])
            if high < band[0] or low > band[1]:
                p = f.get("p_adjusted")
                verdict = "disparity" if p is not None and p < inference["alpha"] else "insufficient_evidence"
            elif low >= band[0] and high <= band[1]:
                verdict = "no_disparity"
        if f["verdict"] != verdict:
            errors.append(f"{at}.verdict: {f['verdict']!r}, but the rules give {verdict!r}")
        if "p_value" in f:
            tested.setdefault((f["attribute"], f["group"], f["metric"]), (f["p_value"], f["p_adjusted"]))
    raw = [v[0] for v in tested.values()]
    given = [v[1] for v in tested.values()]
    withheld = report.get("disclosure", {}).get("suppressed_findings", 0) > 0
    method = inference["adjust"]
    wrong = sum((y < x and not close(x, y)) if withheld else not close(x, y) for x, y in zip(adjust(raw, method), given))
    if wrong:
        errors.append(f"$.findings: {wrong} of {len(raw)} adjusted p-values of the allocation are not the {method} adjustment of their raw ones")
    return errors


def finding_errors(report):
    """Findings, verdict counts and independence tests against the central table."""
    errors = []
    spec = report["spec"]
    every = report["findings"]
    allocated = set(ALLOCATION_MEANS + ALLOCATION_SHARES)
    findings = [f for f in every if f["metric"] not in allocated]
    errors += allocation_finding_errors(report, [f for f in every if f["metric"] in allocated])
    if every[:len(findings)] != findings:
        errors.append("$.findings: the allocation's findings must come after the rates'")
    rates = compared_rates(report)
    attributes = {a["name"]: a for a in report["attributes"]}
    declared, singles = mandated_priorities(report)
    # Disclosure control withholds the findings of suppressed groups and of groups whose
    # reference is suppressed (docs/report-schema.md#disclosure).
    hidden = {(c["attribute"], c["group"]) for c in report.get("disclosure", {}).get("suppressed_cells", [])}
    expected = []
    for a in report["attributes"]:
        reference_hidden = (a["name"], a["reference"].get("group")) in hidden
        for g in a["groups"]:
            if (a["name"], g["group"]) in hidden or reference_hidden:
                continue
            if g["count"] > 0 and not g["reference"]:
                expected += [(a["name"], g["group"], m, kind) for m in rates for kind in ("difference", "ratio")]
    actual = [(f["attribute"], f["group"], f["metric"], f["kind"]) for f in findings]
    if actual != expected:
        missing = [e for e in expected if e not in set(actual)]
        extra = [e for e in actual if e not in set(expected)]
        errors.append(f"$.findings: not one difference and one ratio per compared rate of every non-empty, non-reference group, in order"
                      f" (missing {missing[:3]}, unexpected {extra[:3]})")
    tested = {}
    for k, f in enumerate(findings):
        at = f"$.findings[{k}]"
        a = attributes.get(f["attribute"])
        if a is None:
            errors.append(f"{at}.attribute: {f['attribute']!r} is not an attribute of the report")
            continue
        group = next((g for g in a["groups"] if g["group"] == f["group"]), None)
        if group is None:
            errors.append(f"{at}.group: {f['group']!r} is not a group of {f['attribute']!r}")
            continue
        whole = a["reference"]["whole_population"]
        stratum, gap = priority_comparison(a, f["group"], declared, singles)
        reference = "rest" if whole else stratum or a["reference"]["group"]
        if f["reference"] != reference:
            errors.append(f"{at}.reference: {f['reference']!r}, expected {reference!r}")
        if f["intersection"] != (a["kind"] == "intersection"):
            errors.append(f"{at}.intersection: {f['intersection']} for a {a['kind']}")
        rate = group["metrics"].get(f["metric"])
        if rate is not None and not (f["group_rows"] == f["value"]["n"] == rate["n"]):
            errors.append(f"{at}: group_rows {f['group_rows']} / value.n {f['value']['n']} differ from the group's {f['metric']}.n {rate['n']}")
        if not whole:
            twin = group.get("disparities", {}).get(f"{f['metric']}_{f['kind']}")
            if twin is not None and ({k: v for k, v in twin.items() if k != "bootstrap_ci"} != f["value"]):
                errors.append(f"{at}.value: differs from the group's disparities.{f['metric']}_{f['kind']}")
        verdict = verdict_of(f, a, group, spec, stratum)
        # A disparity in favour of the side holding a mandated priority is intended by the rules.
        direction = FAVOURABLE_DIRECTION.get(f["metric"])
        if verdict == "disparity" and gap and direction and f["value"].get("status") == "ok":
            sign = (f["value"]["value"] - (0 if f["kind"] == "difference" else 1)) * direction * (1 if spec["decision_is"] == "favourable" else -1)
            if (gap == "group" and sign > 0) or (gap == "reference" and sign < 0):
                verdict = "intended"
        if f["verdict"] != verdict:
            errors.append(f"{at}.verdict: {f['verdict']!r}, but the rules give {verdict!r}")
        if "p_value" in f:
            key = (f["attribute"], f["group"], f["metric"])
            if key in tested and tested[key] != (f["p_value"], f["p_adjusted"], f["test"]):
                errors.append(f"{at}: the difference and the ratio of one comparison have different tests")
            tested.setdefault(key, (f["p_value"], f["p_adjusted"], f["test"]))
    counts = {v: sum(f["verdict"] == v for f in every) for v in ("disparity", "no_disparity", "insufficient_evidence", "intended") if v in report["verdicts"] or v != "intended"}
    if report["verdicts"] != counts:
        errors.append(f"$.verdicts: {report['verdicts']}, but the findings count {counts}")
    for k, t in enumerate(report["independence_tests"]):
        at = f"$.independence_tests[{k}]"
        a = attributes.get(t["attribute"])
        if a is None:
            errors.append(f"{at}.attribute: {t['attribute']!r} is not an attribute of the report")
        elif t["groups"] > sum(g["count"] > 0 for g in a["groups"]):
            errors.append(f"{at}.groups: {t['groups']}, more than the attribute's non-empty groups")
        if t["degrees_of_freedom"] != t["groups"] - 1:
            errors.append(f"{at}.degrees_of_freedom: {t['degrees_of_freedom']} for {t['groups']} groups")
    raw = [v[0] for v in tested.values()] + [t["p_value"] for t in report["independence_tests"]]
    given = [v[1] for v in tested.values()] + [t["p_adjusted"] for t in report["independence_tests"]]
    method = spec["inference"]["adjust"]
    disclosure = report.get("disclosure", {})
    withheld = disclosure.get("suppressed_findings", 0) > 0 or disclosure.get("suppressed_aggregates", 0) > 0
    # With findings withheld, the adjustment was made over the whole family of tests run,
    # published or not: each adjusted p-value is then at least the adjustment over the
    # published ones alone (Holm and BH are monotone in the family).
    if withheld:
        wrong = sum(y < x and not close(x, y) for x, y in zip(adjust(raw, method), given))
    else:
        wrong = sum(not close(x, y) for x, y in zip(adjust(raw, method), given))
    if wrong:
        errors.append(f"$.findings / $.independence_tests: {wrong} of {len(raw)} adjusted p-values are not the {method} adjustment of the raw ones")
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
