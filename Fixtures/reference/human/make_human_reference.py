"""Independent reference values for the human stage of the housing demo (HumanStageTests).

The grid's selection and within-segment rank come from pandas
(Fixtures/reference/grid/grid_reference.csv, made from the grid YAML); the actual decision is
`propose_caleol`. With pandas, scikit-learn and statsmodels, this computes:
- overall agreement and Cohen's kappa (sklearn `cohen_kappa_score`), its standard error and
  interval (statsmodels `inter_rater.cohens_kappa`), and kappa per typologie;
- per group of nationalite and age (bands 18, 26, 36, 51, 66; missing values left out), the
  override-in rate P(decided | not selected by the grid), the override-out rate
  P(not decided | selected), and the stage split against the reference (FR, [36,51)):
  grid gap, actual gap, human gap = actual - grid;
- the Mantel–Haenszel odds ratio with its Robins–Breslow–Greenland interval, the CMH test
  (no correction) and the Breslow–Day test (Tarone) from statsmodels `StratifiedTable`, over
  strata typologie × band, band = floor(10 (rank - 1) / n_typologie), the strata where all four
  margins are positive;
- the Kaplan–Meier median wait (statsmodels `SurvfuncRight.quantile(0.5)`; months of 30.4375
  days, censored at the latest date) of [36,51) and >=66 in bands 1 and 2 (NaN: beyond the
  follow-up, undefined in Vigie), and the stratified log-rank test (statsmodels `survdiff`
  with `strata=`) of age and nationalite over the same strata.

Run: python3 make_human_reference.py > human_reference.json
"""
import json
import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import cohens_kappa
from statsmodels.stats.contingency_tables import StratifiedTable
from statsmodels.duration.survfunc import SurvfuncRight, survdiff

root = "../../.."
data = pd.read_csv(f"{root}/Fixtures/housing/applicants-sample.csv", keep_default_na=False, dtype={"nationalite": str})
grid = pd.read_csv(f"{root}/Fixtures/reference/grid/grid_reference.csv")
assert (data["demande_id"] == grid["demande_id"]).all()
s = grid["selected_main"].astype(int)
a = data["propose_caleol"].astype(int)
size = data.groupby("typologie")["typologie"].transform("size")
band = ((grid["rank_main"] - 1) * 10 // size).clip(upper=9)
data["stratum"] = data["typologie"] + "|" + band.astype(str)


def kappa_values(s, a):
    table = pd.crosstab(s, a).reindex(index=[0, 1], columns=[0, 1], fill_value=0).to_numpy()
    r = cohens_kappa(table)
    return {"agreement": float((s == a).mean()), "kappa": float(cohen_kappa_score(s, a)),
            "kappa_se": float(r.std_kappa), "kappa_low": float(r.kappa_low), "kappa_high": float(r.kappa_upp)}


out = {"overall": kappa_values(s, a), "segments": {}}
for seg, idx in data.groupby("typologie").groups.items():
    out["segments"][seg] = kappa_values(s[idx], a[idx])

age = pd.cut(data["age"], [-np.inf, 18, 26, 36, 51, 66, np.inf], right=False,
             labels=["<18", "[18,26)", "[26,36)", "[36,51)", "[51,66)", ">=66"])
attributes = {"nationalite": (data["nationalite"].replace("", np.nan), "FR"), "age": (age.astype(str), "[36,51)")}
for name, (column, reference) in attributes.items():
    groups = {}
    ref = column == reference
    for g in sorted(column.dropna().unique()):
        m = column == g
        if m.sum() == 0:
            continue
        v = {"count": int(m.sum()),
             "override_in_rate": float(a[m & (s == 0)].mean()),
             "override_out_rate": float(1 - a[m & (s == 1)].mean())}
        if g != reference:
            grid_gap = s[m].mean() - s[ref].mean()
            actual_gap = a[m].mean() - a[ref].mean()
            v.update({"grid_stage_gap": float(grid_gap), "actual_gap": float(actual_gap), "human_stage_gap": float(actual_gap - grid_gap)})
            tables = []
            for st in sorted(data["stratum"].unique()):
                k = data["stratum"] == st
                t = np.array([[a[k & m].sum(), (1 - a[k & m]).sum()], [a[k & ref].sum(), (1 - a[k & ref]).sum()]], dtype=float)
                if t.sum(axis=1).min() > 0 and t.sum(axis=0).min() > 0:
                    tables.append(t)
            st = StratifiedTable(tables)
            low, high = st.oddsratio_pooled_confint(alpha=0.05)
            cmh = st.test_null_odds(correction=False)
            bd = st.test_equal_odds(adjust=True)
            v.update({"mh_odds_ratio": float(st.oddsratio_pooled), "mh_low": float(low), "mh_high": float(high),
                      "mh_informative_strata": len(tables), "cmh_chi2": float(cmh.statistic), "cmh_p_value": float(cmh.pvalue),
                      "breslow_day_chi2": float(bd.statistic), "breslow_day_p_value": float(bd.pvalue)})
        groups[g] = v
    out[name] = {"reference": reference, "groups": groups}
start = pd.to_datetime(data["date_depot"])
end = pd.to_datetime(data["date_attribution"].replace("", None))
as_of = max(start.max(), end.max())
allocated = end.notna() & (end <= as_of)
months = (((end.where(allocated, as_of) - start).dt.days) / 30.4375).to_numpy()
event = allocated.astype(int).to_numpy()
waits = {}
for g in ["[36,51)", ">=66"]:
    for b in [0, 1]:
        m = ((attributes["age"][0] == g) & (band == b)).to_numpy()
        median = float(SurvfuncRight(months[m], event[m]).quantile(0.5))
        waits[f"{g}|{b + 1}"] = None if np.isnan(median) else median
for name, (column, _) in attributes.items():
    keep = column.notna().to_numpy() & (column != "nan").to_numpy()
    statistic, p = survdiff(months[keep], event[keep], column[keep].to_numpy(), strata=data["stratum"][keep].to_numpy())
    waits[f"logrank|{name}"] = [float(statistic), float(p)]
out["waits"] = waits
print(json.dumps(out, indent=1, sort_keys=True))
