"""Reference values for AIF360's smoothed empirical differential fairness (SEDF).

Writes sedf_expected.csv: dataset,attribute,value — AIF360 0.6.1
BinaryLabelDatasetMetric.smoothed_empirical_differential_fairness(concentration=1.0) computed
on the decision (COMPAS: decile_score >= 5; small_weighted: yhat, with instance weights w).

    pip install aif360==0.6.1 pandas
    python3 Fixtures/reference/make_sedf_reference.py
"""
import os
import warnings

import pandas as pd
from aif360.datasets import BinaryLabelDataset
from aif360.metrics import BinaryLabelDatasetMetric

warnings.filterwarnings("ignore")
here = os.path.dirname(os.path.abspath(__file__))
compas = pd.read_csv(os.path.join(here, "../compas/compas-scores-two-years.csv"))
compas["dec"] = (compas["decile_score"] >= 5).astype(int)
small = pd.read_csv(os.path.join(here, "small_weighted.csv"))


def sedf(frame, decision, attrs, weights=None):
    df = pd.DataFrame({"dec": frame[decision].astype(int)})
    for a in attrs:
        df[a] = frame[a].astype("category").cat.codes
    if weights is not None:
        df["w"] = frame[weights]
    ds = BinaryLabelDataset(df=df, label_names=["dec"], protected_attribute_names=attrs,
                            instance_weights_name="w" if weights is not None else None,
                            favorable_label=1, unfavorable_label=0)
    return BinaryLabelDatasetMetric(ds).smoothed_empirical_differential_fairness(concentration=1.0)


rows = []
for attrs in (["race"], ["sex"], ["age_cat"], ["race", "sex"]):
    rows.append(("compas", "*".join(attrs), sedf(compas, "dec", attrs)))
for attrs in (["grp"], ["sex"], ["grp", "sex"]):
    rows.append(("small_weighted", "*".join(attrs), sedf(small, "yhat", attrs, "w")))
    rows.append(("small_unweighted", "*".join(attrs), sedf(small, "yhat", attrs)))
with open(os.path.join(here, "sedf_expected.csv"), "w") as f:
    f.write("dataset,attribute,value\n")
    for dataset, attribute, value in rows:
        f.write(f"{dataset},{attribute},{float(value)!r}\n")
print(open(os.path.join(here, "sedf_expected.csv")).read())
