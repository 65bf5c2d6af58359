#!/usr/bin/env python3
"""Summarise a generated households CSV: marginals and the planted inequalities.

Usage: python3 measure_water.py households.csv
Needs pandas. Used to produce the numbers quoted in README.md. The tariff and
drought rule below restate tariff-2023.yaml, tariff-alternative.yaml and
drought-rule.yaml (kept in sync by hand; the Swift tests check the formulas).
"""
import sys
import numpy as np
import pandas as pd

df = pd.read_csv(sys.argv[1])
n = len(df)
print(f"rows: {n}")

# --- tariffs (€ HT per m³; bounds in m³/year; per-person bounds scale with nb_personnes)
T2023 = {
    "individuel": {"blocks": [(15, 0, 0.0), (120, 0, 0.95), (240, 0, 1.40), (None, 0, 2.70)], "sub": 18.0},
    "collectif": {"blocks": [(None, 0, 1.16)], "sub": 1.78},
}
TALT = {
    "individuel": {"blocks": [(0, 3, 0.0), (120, 0, 0.86), (240, 0, 1.40), (None, 0, 2.70)], "sub": 18.0},
    "collectif": {"blocks": [(0, 3, 0.0), (None, 0, 1.29)], "sub": 1.78},
}
SANITATION, VAT = 2.31, 0.055


def water_part(v, meter, persons, tariff):
    total, free, lower = 0.0, 0.0, 0.0
    for fixed, per_person, price in tariff[meter]["blocks"]:
        upper = np.inf if fixed is None else max(lower, fixed + per_person * persons)
        q = min(v, upper) - lower
        if q > 0:
            total += q * price
            if price == 0:
                free += q
        lower = upper
        if v <= upper:
            break
    return total, free


def bills(tariff):
    w, f = zip(*[water_part(v, m, p, tariff) for v, m, p in zip(df.volume_m3_an, df.type_compteur, df.nb_personnes)])
    w = np.array(w); f = np.array(f)
    sub = df.type_compteur.map(lambda m: tariff[m]["sub"]).to_numpy()
    ttc = (w + sub) * (1 + VAT) + SANITATION * df.volume_m3_an.to_numpy()
    return w, f, ttc


df["eau_ht"], df["m3_gratuits"], df["facture_ttc"] = bills(T2023)
df["alt_eau_ht"], df["alt_m3_gratuits"], df["alt_facture_ttc"] = bills(TALT)
df["prix_m3_ht"] = df.eau_ht / df.volume_m3_an.where(df.volume_m3_an > 0)
df["effort"] = df.facture_ttc / df.revenu_annuel
df["alt_effort"] = df.alt_facture_ttc / df.revenu_annuel
df["uc"] = df.nb_personnes.map(lambda p: 1.0 if p == 1 else 1.5 + 0.3 * (p - 2))
df["revenu_uc"] = df.revenu_annuel / df.uc
df["v_pp"] = df.volume_m3_an / df.nb_personnes

# --- drought rule (drought-rule.yaml): reduction of the volume above 25 m³/person
RED = {"vigilance": 0.0, "alerte": 0.10, "alerte_renforcee": 0.25, "crise": 0.50}
PROTECTED = 25
protected = PROTECTED * df.nb_personnes
red = df.niveau_secheresse.map(RED)
df["v_restreint"] = np.minimum(df.volume_m3_an, protected) + (1 - red) * np.maximum(0, df.volume_m3_an - protected)
df["coupe_m3"] = df.volume_m3_an - df.v_restreint

print("\n== marginals")
for c in ["commune", "type_compteur", "logement", "nb_personnes", "qpv", "nationalite", "jardin", "piscine",
          "zone_secheresse", "niveau_secheresse", "decile_revenu"]:
    print(c, df[c].value_counts(normalize=True).round(3).to_dict())
ind = df.type_compteur == "individuel"
print("persons on individual meters:", round(df.nb_personnes[ind].sum() / df.nb_personnes.sum(), 3),
      " households:", round(ind.mean(), 3))
print("mean persons: individuel", round(df.nb_personnes[ind].mean(), 2), " collectif", round(df.nb_personnes[~ind].mean(), 2))
# households per collective meter implied by "83 % of subscribers": I / (I + C/k) = 0.83
I, C = ind.sum(), (~ind).sum()
print("households per collective meter implied by 83 % of subscribers:", round(C / (I / 0.83 - I), 1))
print("revenu_annuel median:", df.revenu_annuel.median(), " revenu/UC median:", round(df.revenu_uc.median()))
print("volume median by persons:", df.groupby("nb_personnes").volume_m3_an.median().to_dict())
print("apartment, 4 persons, median volume:", df[(df.logement == "appartement") & (df.nb_personnes == 4)].volume_m3_an.median())
print("volume per person: mean", round(df.volume_m3_an.sum() / df.nb_personnes.sum(), 1), " median of V/p", df.v_pp.median())
print("zero volumes:", round((df.volume_m3_an == 0).mean(), 4))
print("decile shares:", df.decile_revenu.value_counts(normalize=True).sort_index().round(3).to_list())

def grp(col, order=None):
    g = df.groupby(col)
    t = pd.DataFrame({
        "n": g.size(),
        "revenu_med": g.revenu_annuel.median(),
        "revenu_uc_med": g.revenu_uc.median().round(0),
        "decile_mean": g.decile_revenu.mean().round(2),
        "qpv": g.qpv.apply(lambda s: (s == "oui").mean()).round(3),
        "hors_UE": g.nationalite.apply(lambda s: (s == "hors_UE").mean()).round(3),
        "persons": g.nb_personnes.mean().round(2),
        "V_med": g.volume_m3_an.median(),
        "V_pp_mean": (g.volume_m3_an.sum() / g.nb_personnes.sum()).round(1),
        "free_m3": g.m3_gratuits.mean().round(2),
        "prix_m3_ht": (g.eau_ht.sum() / g.volume_m3_an.sum()).round(3),
        "ttc_med": g.facture_ttc.median().round(0),
        "effort_gt3": g.effort.apply(lambda s: (s > 0.03).mean()).round(3),
        "alt_effort_gt3": g.alt_effort.apply(lambda s: (s > 0.03).mean()).round(3),
    })
    if order is not None:
        t = t.reindex(order)
    print(t.to_string())

print("\n== by meter type"); grp("type_compteur")
print("\n== by decile"); grp("decile_revenu")
print("\n== by qpv"); grp("qpv")
print("\n== by nationalite"); grp("nationalite")
print("\n== by zone"); grp("zone_secheresse")

print("\n== (a) price per m3 at equal volume")
for lo, hi in [(30, 60), (60, 90), (90, 120)]:
    s = df[(df.volume_m3_an >= lo) & (df.volume_m3_an < hi)]
    print(f"  V in [{lo},{hi}):", (s.groupby("type_compteur").eau_ht.sum() / s.groupby("type_compteur").volume_m3_an.sum()).round(3).to_dict())
print("  share of all free m³ going to deciles 8-10:", round(df.m3_gratuits[df.decile_revenu >= 8].sum() / df.m3_gratuits.sum(), 3),
      " to deciles 1-3:", round(df.m3_gratuits[df.decile_revenu <= 3].sum() / df.m3_gratuits.sum(), 3))
# concentration index of free m3 by income rank (positive = pro-rich)
rank = df.revenu_annuel.rank(method="average") / n
ci = 2 * np.cov(df.m3_gratuits, rank, bias=True)[0, 1] / df.m3_gratuits.mean()
print("  concentration index of free m³ (rank by revenu_annuel):", round(ci, 3))
ci_alt = 2 * np.cov(df.alt_m3_gratuits, rank, bias=True)[0, 1] / df.alt_m3_gratuits.mean()
print("  same under tariff-alternative:", round(ci_alt, 3))

print("\n== (b) households above 120 m³ (individual meters), by persons x decile group")
df["dgrp"] = pd.cut(df.decile_revenu, [0, 3, 7, 10], labels=["D1-3", "D4-7", "D8-10"])
s = df[ind]
print((s.assign(over=s.volume_m3_an > 120).groupby(["nb_personnes", "dgrp"], observed=True).over.mean().unstack()).round(3).to_string())
print("  n:", s.groupby(["nb_personnes", "dgrp"], observed=True).size().unstack().to_string())
big_poor = s[(s.nb_personnes >= 5) & (s.decile_revenu <= 3)]
print("  individual, >=5 persons, D1-3: n", len(big_poor), " share >120 m³", round((big_poor.volume_m3_an > 120).mean(), 3),
      " mean price/m3", round(big_poor.eau_ht.sum() / big_poor.volume_m3_an.sum(), 3))
small_rich = s[(s.nb_personnes <= 2) & (s.decile_revenu >= 8)]
print("  individual, <=2 persons, D8-10: n", len(small_rich), " share >120 m³", round((small_rich.volume_m3_an > 120).mean(), 3),
      " mean price/m3", round(small_rich.eau_ht.sum() / small_rich.volume_m3_an.sum(), 3))

print("\n== (c) pools")
pools = df[df.piscine == "oui"]
print("  pools:", len(pools), " share in deciles 9-10:", round((pools.decile_revenu >= 9).mean(), 3),
      " in deciles 1-5:", round((pools.decile_revenu <= 5).mean(), 3))
print("  pool rate among houses by decile:", df[df.logement == "maison"].groupby("decile_revenu").piscine.apply(lambda s: (s == "oui").mean()).round(3).to_list())
print("  median volume with / without pool (houses):", df[(df.logement == "maison")].groupby("piscine").volume_m3_an.median().to_dict())

print("\n== (d) drought")
for z, g in df.groupby("zone_secheresse"):
    print(f"  {z} ({g.niveau_secheresse.iloc[0]}): n {len(g)}, revenu/UC median {g.revenu_uc.median():.0f}, "
          f"D1-3 {(g.decile_revenu <= 3).mean():.3f}, QPV {(g.qpv == 'oui').mean():.3f}, "
          f"cut m³/household {g.coupe_m3.mean():.2f}, cut share {g.coupe_m3.sum() / g.volume_m3_an.sum():.3f}")
crisis = df.niveau_secheresse == "crise"
print("  revenu/UC median crise vs others:", round(df.revenu_uc[crisis].median()), round(df.revenu_uc[~crisis].median()))
print("  share of all cut m³ borne by D1-3:", round(df.coupe_m3[df.decile_revenu <= 3].sum() / df.coupe_m3.sum(), 3))

print("\n== affordability: share with bill TTC > 3 % of income")
print("  overall 2023:", round((df.effort > 0.03).mean(), 3), " alternative:", round((df.alt_effort > 0.03).mean(), 3))
print("  revenue HT water part, 2023 vs alternative, by meter:",
      df.groupby("type_compteur").eau_ht.sum().round(0).to_dict(), df.groupby("type_compteur").alt_eau_ht.sum().round(0).to_dict())

print("\n== essential need (besoin_m3_an = 25 m³ × persons)")
df["below_need"] = df.volume_m3_an < df.besoin_m3_an
print("  share below need:", round(df.below_need.mean(), 3))
print("  by decile:", df.groupby("decile_revenu").below_need.mean().round(3).to_list())
print("  by persons:", df.groupby("nb_personnes").below_need.mean().round(3).to_dict())
