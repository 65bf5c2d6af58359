"""Reference values for Vigie's driver analyses (Sources/AuditMetrics/Drivers).

Generates small data sets with numpy (seeded) and computes, independently of Vigie:
  * Welch intervals of mean differences: scipy.stats.ttest_ind(equal_var=False).confidence_interval;
    Student t quantiles: scipy.stats.t.ppf;
  * OLS coefficients and HC1 / HC3 standard errors: statsmodels OLS(...).fit(cov_type=...);
  * the twofold Oaxaca-Blinder decomposition with the reference group's coefficients and its
    delta-method standard errors (Jann 2008), written out below in numpy; the point estimates
    are also checked against statsmodels.stats.oaxaca.OaxacaBlinder (two_fold, self_submitted);
  * Cramer's V: scipy.stats.contingency.association(method='cramer');
  * the correlation ratio eta: sqrt of the R^2 of statsmodels OLS on group dummies;
  * logistic regressions: statsmodels Logit(...).fit(method='newton') params and bse;
  * AUC: sklearn.metrics.roc_auc_score.

Run: python3 make_drivers_reference.py  (writes drivers_reference.json next to this file).
Numbers are written as repr() strings so that they round-trip exactly.
"""
import json
import os
import warnings

import numpy as np
import scipy
import scipy.stats as st
from scipy.stats.contingency import association
import sklearn
import statsmodels
import statsmodels.api as sm
from sklearn.metrics import roc_auc_score
from statsmodels.stats.oaxaca import OaxacaBlinder

rng = np.random.default_rng(20261129)
S = lambda x: repr(float(x))
SL = lambda xs: [S(x) for x in xs]

# ---------------------------------------------------------------- grid data (decomposition, Oaxaca)
n = 420
group = rng.choice([0, 1, 2], size=n, p=[0.55, 0.3, 0.15]).astype(int)
group[rng.choice(n, size=12, replace=False)] = -1          # excluded rows
anciennete = rng.integers(0, 11, size=n) * 4.0 + 2.0 * (group == 1)        # 0..40 points
urgence = (rng.random(n) < np.where(group == 2, 0.45, 0.2)) * 100.0       # 0 / 100
lien = (rng.random(n) < np.where(group == 0, 0.7, 0.35)) * 20.0            # 0 / 20
handicap = (rng.random(n) < 0.1) * 50.0                                    # 0 / 50
handicap[group == 2] = 0.0                                                 # constant in group 2
revenu_points = np.round(rng.normal(15, 5, size=n) - 3.0 * (group == 2), 2)
C = np.column_stack([anciennete, urgence, lien, handicap, revenu_points])
criteria = ["anciennete", "urgence", "lien_commune", "handicap", "revenu"]
score = C.sum(axis=1)
# allocation: a noisy threshold on the score plus a direct group penalty (unexplained part)
latent = 0.03 * (score - score.mean()) - 0.5 * (group == 1) + rng.logistic(size=n)
allocated = (latent > 0).astype(float)
reference = 0

levels = [0.95, 0.9]
decomposition = []
for level in levels:
    for g in [1, 2]:
        rows_g, rows_r = group == g, group == reference
        def welch(a, b):
            r = st.ttest_ind(a, b, equal_var=False)
            ci = r.confidence_interval(confidence_level=level)
            va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
            df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
            assert abs(df - r.df) <= 1e-9 * df
            return {"difference": S(a.mean() - b.mean()), "se": S(np.sqrt(va + vb)), "df": S(r.df),
                    "low": S(ci.low), "high": S(ci.high)}
        entry = {"group": g, "level": S(level), "count": int(rows_g.sum()), "reference_count": int(rows_r.sum()),
                 "mean_score": S(score[rows_g].mean()), "reference_mean_score": S(score[rows_r].mean()),
                 "gap": welch(score[rows_g], score[rows_r]), "criteria": []}
        total = score[rows_g].mean() - score[rows_r].mean()
        for j, name in enumerate(criteria):
            a, b = C[rows_g, j], C[rows_r, j]
            if a.var() == 0 and b.var() == 0:
                part = {"difference": S(a.mean() - b.mean())}
            else:
                part = welch(a, b)
            entry["criteria"].append({"criterion": name, "group_mean": S(a.mean()), "reference_mean": S(b.mean()),
                                      "part": part, "share": S((a.mean() - b.mean()) / total)})
        decomposition.append(entry)

t_quantiles = [{"level": S(lv), "df": S(df), "t": S(st.t.ppf(0.5 + lv / 2, df))}
               for lv in [0.95, 0.9, 0.99] for df in [1, 2.5, 7, 30.3, 1000, 1e6]]

# ---------------------------------------------------------------- OLS with robust SEs
def ols_fit(X, y, cov):
    return sm.OLS(y, X).fit(cov_type=cov)

ols = []
for g in [0, 1]:
    rows = group == g
    X = sm.add_constant(C[rows], has_constant="add")
    for outcome_name, y in [("allocated", allocated[rows]), ("score", score[rows] + rng.normal(0, 3, rows.sum()))]:
        entry = {"group": g, "outcome_name": outcome_name, "y": SL(y)}
        for cov in ["HC1", "HC3"]:
            f = ols_fit(X, y, cov)
            entry[cov.lower()] = {"params": SL(f.params), "bse": SL(f.bse)}
        ols.append(entry)

# ---------------------------------------------------------------- Oaxaca-Blinder, by hand (Jann 2008)
def oaxaca(X, y, grp, g, r, cov, stochastic):
    """Twofold decomposition with beta_ref; X without intercept; columns constant in a group dropped."""
    rg, rr = grp == g, grp == r
    keep = [j for j in range(X.shape[1]) if X[rg, j].var() > 0 and X[rr, j].var() > 0]
    dropped = [j for j in range(X.shape[1]) if j not in keep]
    Xg = sm.add_constant(X[rg][:, keep], has_constant="add")
    Xr = sm.add_constant(X[rr][:, keep], has_constant="add")
    fg = sm.OLS(y[rg], Xg).fit(cov_type=cov)
    fr = sm.OLS(y[rr], Xr).fit(cov_type=cov)
    bg, br = fg.params, fr.params
    Vg, Vr = fg.cov_params(), fr.cov_params()
    xg, xr = Xg.mean(axis=0), Xr.mean(axis=0)
    d = xg - xr
    explained = d @ br
    unexplained = xg @ (bg - br)
    var_e = d @ Vr @ d
    var_u = xg @ (Vg + Vr) @ xg
    var_parts = d ** 2 * np.diag(Vr)
    if stochastic:
        Sg = np.cov(Xg, rowvar=False, ddof=1) / Xg.shape[0]
        Sr = np.cov(Xr, rowvar=False, ddof=1) / Xr.shape[0]
        var_e += br @ (Sg + Sr) @ br
        var_u += (bg - br) @ Sg @ (bg - br)
        var_parts = var_parts + br ** 2 * (np.diag(Sg) + np.diag(Sr))
    gap = y[rg].mean() - y[rr].mean()
    assert abs(explained + unexplained - gap) < 1e-12
    # cross-check the point estimates with statsmodels' implementation
    sel = (grp == g) | (grp == r)
    exog = np.column_stack([np.ones(sel.sum()), X[sel][:, keep], (grp[sel] == g).astype(float)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ob = OaxacaBlinder(y[sel], exog, bifurcate=exog.shape[1] - 1, hasconst=True, swap=False)
        # statsmodels' first model "f" is the lower indicator value (0: the reference), the second
        # "s" is group g; its gap is mean(f) - mean(s) and with a self-submitted weight w its
        # beta* = w*beta_f + (1-w)*beta_s, so w = 1 gives beta* = beta_ref and its
        # (unexplained, explained, gap) are ours with the opposite sign.
        tf = ob.two_fold(std=False, two_fold_type="self_submitted", submitted_weight=1)
    sm_unexplained, sm_explained, sm_gap = tf.params
    statsmodels_agrees = bool(np.allclose([-sm_unexplained, -sm_explained, -sm_gap],
                                          [unexplained, explained, gap], rtol=1e-9, atol=1e-12))
    assert statsmodels_agrees
    return {"group": g, "covariance": cov.lower(), "regressors": "stochastic" if stochastic else "fixed",
            "dropped": [criteria[j] for j in dropped], "kept": [criteria[j] for j in keep],
            "gap": S(gap), "explained": S(explained), "unexplained": S(unexplained),
            "explained_se": S(np.sqrt(var_e)), "unexplained_se": S(np.sqrt(var_u)),
            "parts": SL(d[1:] * br[1:]), "parts_se": SL(np.sqrt(var_parts[1:])),
            "group_params": SL(bg), "reference_params": SL(br),
            "statsmodels_oaxaca_agrees": statsmodels_agrees,
            "statsmodels_oaxaca_params": SL(tf.params)}

oaxaca_results = []
for outcome_name, y in [("allocated", allocated), ("score", score + np.round(rng.normal(0, 3, n), 3))]:
    for cov in ["HC1", "HC3"]:
        for stochastic in [True, False]:
            for g in [1, 2]:
                r = oaxaca(C, y, group, g, reference, cov, stochastic)
                r["outcome_name"] = outcome_name
                r["y"] = SL(y) if (cov == "HC1" and stochastic and g == 1) else None
                oaxaca_results.append(r)
outcomes = {"allocated": SL(allocated), "score_noisy": oaxaca_results[8]["y"]}
for r in oaxaca_results:
    r.pop("y")

# ---------------------------------------------------------------- proxy detection
m = 600
nationalite = rng.choice([0, 1, 2], size=m, p=[0.75, 0.05, 0.2]).astype(int)    # FR / UE / hors_UE
nationalite[rng.choice(m, size=9, replace=False)] = -1                             # unknown
# planted proxy: lien_commune (0/1) strongly tied to nationalite
p_lien = np.where(nationalite == 0, 0.8, np.where(nationalite == 1, 0.5, 0.15))
lien_commune = (rng.random(m) < p_lien).astype(int)
quartile = rng.choice(4, size=m).astype(int)
quartile = np.where((nationalite == 2) & (rng.random(m) < 0.25), 0, quartile)    # weak link
anciennete_p = rng.integers(0, 11, size=m) * 4.0                                   # independent
revenu = np.round(np.exp(rng.normal(7.0, 0.4, size=m)) - 80 * (nationalite == 2), 2)  # weak, numeric
situation = rng.choice(3, size=m).astype(int)
situation[rng.choice(m, size=5, replace=False)] = -1                               # missing values
features = [("lien_commune", "categorical", lien_commune), ("quartile_ressources", "categorical", quartile),
            ("anciennete", "numeric", anciennete_p), ("revenu", "numeric", revenu),
            ("situation", "categorical", situation)]

def assoc(kind, values, attr):
    if kind == "categorical":
        ok = (values >= 0) & (attr >= 0)
        a, b = values[ok], attr[ok]
        ra, rb = np.unique(a), np.unique(b)
        table = np.array([[np.sum((a == i) & (b == j)) for j in rb] for i in ra])
        return "cramers_v", association(table, method="cramer"), int(ok.sum())
    ok = attr >= 0
    dummies = np.column_stack([(attr[ok] == lv).astype(float) for lv in np.unique(attr[ok])])
    r2 = sm.OLS(values[ok], dummies).fit().rsquared
    return "correlation_ratio", np.sqrt(r2), int(ok.sum())

def design(attr):
    rows = attr >= 0
    for name, kind, values in features:
        if kind == "categorical":
            rows &= values >= 0
    cols, terms = [np.ones(rows.sum())], ["intercept"]
    for name, kind, values in features:
        if kind == "numeric":
            cols.append(values[rows]); terms.append(name)
        else:
            for code in np.unique(values[rows])[1:]:
                cols.append((values[rows] == code).astype(float)); terms.append(f"{name}={code}")
    return rows, np.column_stack(cols), terms

def proxy(attr_name, attr):
    ranked = []
    for name, kind, values in features:
        measure, value, count = assoc(kind, values, attr)
        ranked.append({"feature": name, "measure": measure, "value": S(value), "count": count})
    ranked.sort(key=lambda e: (-float(e["value"]), e["feature"]))
    rows, X, terms = design(attr)
    observed = np.unique(attr[rows])
    levels = [observed[1]] if len(observed) == 2 else list(observed)
    models = []
    for level in levels:
        y = (attr[rows] == level).astype(float)
        f = sm.Logit(y, X).fit(method="newton", disp=0, tol=1e-10, maxiter=100)
        converged = bool(f.mle_retvals["converged"])
        entry = {"level": int(level), "positives": int(y.sum()), "negatives": int(len(y) - y.sum()),
                 "converged": converged}
        if converged:
            entry.update({"params": SL(f.params), "bse": SL(f.bse), "llf": S(f.llf),
                          "auc": S(roc_auc_score(y, f.predict(X)))})
        else:
            # quasi-complete separation: a dummy whose rows are all negatives; the gradient
            # in that direction vanishes while its coefficient diverges.
            entry["diverging_terms"] = [terms[j] for j in range(len(terms)) if abs(f.params[j]) > 15]
        models.append(entry)
    return {"attribute": attr_name, "ranked": ranked, "terms": terms, "observations": int(rows.sum()),
            "models": models}

qpv = (rng.random(m) < np.where(quartile == 0, 0.55, 0.2)).astype(int)   # binary attribute, proxied by quartile
proxy_results = [proxy("nationalite", nationalite), proxy("residence_qpv", qpv)]

# Complete separation: a feature that determines the attribute.
sep_attr = rng.choice(2, size=80).astype(int)
sep_x = sep_attr * 3.0 + rng.random(80)          # sep_x > 3 iff attr == 1
separation = {"attribute": [int(v) for v in sep_attr], "x": SL(sep_x),
              "auc": S(roc_auc_score(sep_attr, sep_x))}

out = {
    "tools": {"numpy": np.__version__, "scipy": scipy.__version__, "statsmodels": statsmodels.__version__,
              "sklearn": sklearn.__version__},
    "grid": {"criteria": criteria, "group": [int(x) for x in group], "reference": reference,
             "contributions": [SL(C[:, j]) for j in range(C.shape[1])], "outcomes": outcomes},
    "decomposition": decomposition,
    "t_quantiles": t_quantiles,
    "ols": ols,
    "oaxaca": oaxaca_results,
    "proxy": {"attributes": {"nationalite": [int(x) for x in nationalite], "residence_qpv": [int(x) for x in qpv]},
              "features": [{"name": name, "kind": kind,
                            "values": [int(v) for v in values] if kind == "categorical" else SL(values)}
                           for name, kind, values in features],
              "results": proxy_results},
    "separation": separation,
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "drivers_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
print("wrote", path)
for r in oaxaca_results:
    print("oaxaca", r["outcome_name"], r["group"], r["covariance"], r["regressors"], "dropped", r["dropped"],
          "statsmodels agrees:", r["statsmodels_oaxaca_agrees"], r["explained"], r["unexplained"], r["statsmodels_oaxaca_params"])
for p in proxy_results:
    print(p["attribute"], [(e["feature"], e["value"][:6]) for e in p["ranked"]], [m_.get("auc", "separated")[:9] for m_ in p["models"]])
