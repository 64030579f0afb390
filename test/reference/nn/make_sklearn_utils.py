"""Reference values for nabla's scikit-learn-shaped utilities (test/nn/sklearn-utils.test.ts).

Run from the repository root with the system Python that has scikit-learn:
    /usr/bin/python3 test/reference/nn/make_sklearn_utils.py > test/reference/nn/sklearn-utils.json
Every input is written next to its outputs, so the test never needs Python.
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.datasets import make_blobs
from sklearn.metrics import (confusion_matrix, f1_score, fbeta_score, log_loss, mean_squared_error,
                             precision_recall_fscore_support, precision_score, r2_score, recall_score,
                             roc_auc_score)
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_score, train_test_split
from sklearn.neighbors import NearestCentroid
from sklearn.preprocessing import MinMaxScaler, StandardScaler


def L(a):
    return np.asarray(a).tolist()


out = {"meta": {"sklearn": sklearn.__version__, "numpy": np.__version__, "python": sys.version.split()[0],
                "script": "test/reference/nn/make_sklearn_utils.py"}}

# train_test_split: indices of arange(n)
splits = []
for n, kw in [(10, {}), (37, {"test_size": 0.3, "random_state": 42}), (37, {"test_size": 5, "train_size": 20, "random_state": 3}),
              (25, {"train_size": 0.6, "random_state": 1}), (12, {"test_size": 0.25, "shuffle": False}), (100, {"random_state": 0})]:
    kw = dict(kw)
    if "random_state" not in kw and kw.get("shuffle", True):
        kw["random_state"] = 0
    tr, te = train_test_split(np.arange(n), **kw)
    splits.append({"n": n, "options": kw, "train": L(tr), "test": L(te)})
out["trainTestSplit"] = splits

# train_test_split(stratify=y): StratifiedShuffleSplit, _approximate_mode with random tie-breaks
rs = np.random.RandomState(3)
strat = []
y_uneven = np.array([0] * 7 + [1] * 13 + [2] * 4 + [3] * 2)   # remainders tie, one class of 2
rs.shuffle(y_uneven)
y_str = np.array(["cat", "dog", "dog", "ant", "cat", "dog", "ant", "dog", "cat", "dog", "ant", "dog"])
for y_s, kw in [(rs.randint(0, 2, 40), {"test_size": 0.25, "random_state": 0}),
                (y_uneven, {"test_size": 0.3, "random_state": 42}),
                (y_uneven, {"test_size": 7, "train_size": 12, "random_state": 5}),
                (y_uneven, {"train_size": 0.5, "random_state": 1}),
                (np.repeat([5, -1, 9], [10, 20, 30]), {"test_size": 0.1, "random_state": 7}),
                (y_str, {"test_size": 0.34, "random_state": 2})]:
    tr, te = train_test_split(np.arange(len(y_s)), stratify=y_s, **kw)
    strat.append({"y": L(y_s), "options": kw, "train": L(tr), "test": L(te)})
out["trainTestSplitStratified"] = strat

kfolds = []
for n, kw in [(11, {"n_splits": 3}), (11, {"n_splits": 4, "shuffle": True, "random_state": 0}), (20, {"n_splits": 5, "shuffle": True, "random_state": 42})]:
    folds = [{"train": L(a), "test": L(b)} for a, b in KFold(**kw).split(np.zeros(n))]
    kfolds.append({"n": n, "options": kw, "folds": folds})
out["kFold"] = kfolds

ystrat = [2, 0, 1, 1, 2, 0, 0, 2, 1, 0, 0, 2, 1, 1, 0, 2, 0, 1, 0, 0, 5, 5, 5]
skfolds = []
for kw in [{"n_splits": 3}, {"n_splits": 3, "shuffle": True, "random_state": 0}, {"n_splits": 4, "shuffle": True, "random_state": 7}]:
    folds = [{"train": L(a), "test": L(b)} for a, b in StratifiedKFold(**kw).split(np.zeros(len(ystrat)), ystrat)]
    skfolds.append({"y": ystrat, "options": kw, "folds": folds})
out["stratifiedKFold"] = skfolds

X, y = make_blobs(n_samples=60, centers=3, cluster_std=2.5, random_state=1)
cv_kf = KFold(5, shuffle=True, random_state=0)
out["crossValScore"] = {
    "X": L(X), "y": L(y), "estimator": "NearestCentroid (Euclidean, class means)",
    "default": L(cross_val_score(NearestCentroid(), X, y)),
    "f1_macro_kfold_shuffled_seed0": L(cross_val_score(NearestCentroid(), X, y, cv=cv_kf, scoring="f1_macro")),
    "accuracy_cv3": L(cross_val_score(NearestCentroid(), X, y, cv=3)),
}

rs = np.random.RandomState(5)
Xs = rs.randn(20, 4) * [1, 10, 0.1, 3] + [0, 5, -2, 1e6]
Xs[:, 2] = 0.7  # constant feature
Xs2 = rs.randn(5, 4)
ss = StandardScaler().fit(Xs)
ss_nomean = StandardScaler(with_mean=False).fit(Xs)
mm = MinMaxScaler(feature_range=(-1, 2)).fit(Xs)
mmc = MinMaxScaler(clip=True).fit(Xs)
out["scalers"] = {
    "X": L(Xs), "X2": L(Xs2),
    "standard": {"mean": L(ss.mean_), "var": L(ss.var_), "scale": L(ss.scale_), "transformX": L(ss.transform(Xs)),
                 "transformX2": L(ss.transform(Xs2)), "inverseX2": L(ss.inverse_transform(Xs2))},
    "standardNoMean": {"scale": L(ss_nomean.scale_), "transformX2": L(ss_nomean.transform(Xs2))},
    "minmax": {"range": [-1, 2], "dataMin": L(mm.data_min_), "dataMax": L(mm.data_max_), "scale": L(mm.scale_), "min": L(mm.min_),
               "transformX": L(mm.transform(Xs)), "transformX2": L(mm.transform(Xs2)), "inverseX2": L(mm.inverse_transform(Xs2))},
    "minmaxClip": {"transformX2": L(mmc.transform(Xs2))},
}

# precision / recall / F
rs = np.random.RandomState(11)
yt = rs.randint(0, 4, 40)
yp = rs.randint(0, 5, 40)  # predicts a label (4) never true
yp[yp == 3] = 0            # and never predicts 3
prf = {"yTrue": L(yt), "yPred": L(yp), "cases": []}
for avg in [None, "micro", "macro", "weighted"]:
    for beta in [1, 2]:
        p, r, f, s = precision_recall_fscore_support(yt, yp, average=avg, beta=beta, zero_division=0)
        prf["cases"].append({"average": avg, "beta": beta, "precision": L(p), "recall": L(r), "fscore": L(f), "support": None if s is None else L(s)})
p, r, f, s = precision_recall_fscore_support(yt, yp, average=None, zero_division=1)
prf["zeroDivision1"] = {"precision": L(p), "recall": L(r), "fscore": L(f)}
p, r, f, s = precision_recall_fscore_support(yt, yp, average="macro", labels=[3, 1, 0])
prf["labels310"] = {"precision": L(p), "recall": L(r), "fscore": L(f)}
yb = rs.randint(0, 2, 30)
ypb = rs.randint(0, 2, 30)
prf["binary"] = {"yTrue": L(yb), "yPred": L(ypb), "precision": precision_score(yb, ypb), "recall": recall_score(yb, ypb), "f1": f1_score(yb, ypb),
                 "f1pos0": f1_score(yb, ypb, pos_label=0), "fbeta05": fbeta_score(yb, ypb, beta=0.5)}
out["prf"] = prf

# ROC AUC
ya = rs.randint(0, 2, 50)
sa = np.round(rs.rand(50) + 0.3 * ya, 1)  # ties
ym = rs.randint(0, 4, 60)
logits = rs.randn(60, 4) + np.eye(4)[ym]
pm = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
out["rocAuc"] = {
    "binary": {"yTrue": L(ya), "score": L(sa), "auc": roc_auc_score(ya, sa)},
    "binaryLabels35": {"yTrue": L(np.where(ya == 1, 5, 3)), "score": L(sa), "auc": roc_auc_score(np.where(ya == 1, 5, 3), sa)},
    "multi": {"yTrue": L(ym), "proba": L(pm),
              "ovrMacro": roc_auc_score(ym, pm, multi_class="ovr"), "ovrWeighted": roc_auc_score(ym, pm, multi_class="ovr", average="weighted"),
              "ovoMacro": roc_auc_score(ym, pm, multi_class="ovo"), "ovoWeighted": roc_auc_score(ym, pm, multi_class="ovo", average="weighted")},
}

# log loss
pb = np.round(rs.rand(30), 2)
pb[0], pb[1] = 0.0, 1.0  # clipped
yl = rs.randint(0, 2, 30)
pr = rs.rand(25, 3) * 2  # rows not normalized
yr = rs.randint(0, 3, 25)
yr2 = np.where(yr == 2, 0, yr)  # class 2 never true: needs labels
out["logLoss"] = {
    "binary": {"yTrue": L(yl), "p": L(pb), "loss": log_loss(yl, pb), "sum": log_loss(yl, pb, normalize=False)},
    "multi": {"yTrue": L(yr), "proba": L(pr), "loss": log_loss(yr, pr)},
    "multiLabels": {"yTrue": L(yr2), "proba": L(pr), "labels": [0, 1, 2], "loss": log_loss(yr2, pr, labels=[0, 1, 2])},
}

out["confusionMatrix"] = {
    "yTrue": L(yt), "yPred": L(yp),
    "plain": L(confusion_matrix(yt, yp)),
    "labels": [3, 0, 4], "withLabels": L(confusion_matrix(yt, yp, labels=[3, 0, 4])),
    "true": L(confusion_matrix(yt, yp, normalize="true")),
    "pred": L(confusion_matrix(yt, yp, normalize="pred")),
    "all": L(confusion_matrix(yt, yp, normalize="all")),
}

yreg = rs.randn(30) * 3 + 1
preg = yreg + rs.randn(30)
out["regression"] = {"yTrue": L(yreg), "yPred": L(preg), "r2": r2_score(yreg, preg), "mse": mean_squared_error(yreg, preg),
                     "r2Constant": r2_score([2.0, 2, 2], [2.0, 2, 3]), "r2ConstantPerfect": r2_score([2.0, 2, 2], [2.0, 2, 2])}

json.dump(out, sys.stdout, indent=None, separators=(",", ":"))
print()
