"""Make test/reference/svm/{multiclass,linear}.json with scikit-learn (run with /usr/bin/python3).

Every case stores its data, the estimator's parameters and scikit-learn's fitted attributes and
outputs on held-out points. Floats are written with repr, so they read back bit for bit.
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.datasets import make_blobs, make_circles, make_moons
from sklearn.svm import SVC, LinearSVC


def arr(a):
    return np.asarray(a).tolist()


def seed_for(random_state):
    # What scikit-learn hands libsvm/liblinear for this random_state.
    return int(np.random.RandomState(random_state).randint(np.iinfo("i").max))


def datasets():
    Xb, yb = make_blobs(n_samples=150, centers=3, n_features=4, cluster_std=1.6, random_state=0)
    Xbt, _ = make_blobs(n_samples=40, centers=3, n_features=4, cluster_std=1.6, random_state=1)
    # Four unequal classes (60, 40, 30, 20) in 2-D.
    X4, y4 = make_blobs(n_samples=[60, 40, 30, 20], centers=[[0, 0], [3, 0], [0, 3], [3, 3]], cluster_std=1.1, random_state=2)
    X4t, _ = make_blobs(n_samples=40, centers=[[0, 0], [3, 0], [0, 3], [3, 3]], cluster_std=1.1, random_state=3)
    Xm, ym = make_moons(n_samples=200, noise=0.25, random_state=4)
    Xmt, _ = make_moons(n_samples=40, noise=0.25, random_state=5)
    Xc, yc = make_circles(n_samples=200, factor=0.5, noise=0.12, random_state=6)
    Xct, _ = make_circles(n_samples=40, factor=0.5, noise=0.12, random_state=7)
    return {
        "blobs3": (Xb, yb, Xbt),
        "blobs4": (X4, y4, X4t),
        "moons": (Xm, ym, Xmt),
        "circles": (Xc, yc, Xct),
    }


def svc_case(name, data, params, sample_weight=None):
    X, y, Xt = data
    m = SVC(**params).fit(X, y, sample_weight=sample_weight)
    out = {
        "name": name,
        "params": {k: (v if not isinstance(v, dict) else {str(a): b for a, b in v.items()}) for k, v in params.items()},
        "sample_weight": None if sample_weight is None else arr(sample_weight),
        "support": arr(m.support_),
        "n_support": arr(m.n_support_),
        "dual_coef": arr(m.dual_coef_),
        "intercept": arr(m.intercept_),
        "decision_train": arr(m.decision_function(X)),
        "predict_train": arr(m.predict(X)),
        "decision_test": arr(m.decision_function(Xt)),
        "predict_test": arr(m.predict(Xt)),
    }
    if params.get("kernel") == "linear":
        out["coef"] = arr(m.coef_)
    if params.get("probability"):
        out["libsvm_seed"] = seed_for(params.get("random_state", 0))
        out["probA"] = arr(m.probA_)
        out["probB"] = arr(m.probB_)
        out["proba_test"] = arr(m.predict_proba(Xt))
        out["proba_train"] = arr(m.predict_proba(X))
    return out


def linear_case(name, data, params, sample_weight=None):
    X, y, Xt = data
    m = LinearSVC(**params).fit(X, y, sample_weight=sample_weight)
    return {
        "name": name,
        "params": {k: (v if not isinstance(v, dict) else {str(a): b for a, b in v.items()}) for k, v in params.items()},
        "sample_weight": None if sample_weight is None else arr(sample_weight),
        "liblinear_seed": seed_for(params.get("random_state", 0)),
        "coef": arr(m.coef_),
        "intercept": arr(m.intercept_),
        "n_iter": int(m.n_iter_),
        "decision_test": arr(m.decision_function(Xt)),
        "predict_test": arr(m.predict(Xt)),
    }


def main():
    ds = datasets()
    rng = np.random.RandomState(8)
    w_moons = rng.uniform(0.3, 2.0, size=200)
    w_blobs = rng.uniform(0.5, 1.5, size=150)
    svc = [
        svc_case("blobs3 rbf ovr", ds["blobs3"], {"kernel": "rbf", "C": 1.0}),
        svc_case("blobs3 rbf ovo", ds["blobs3"], {"kernel": "rbf", "C": 3.0, "decision_function_shape": "ovo"}),
        svc_case("blobs3 linear C=0.05", ds["blobs3"], {"kernel": "linear", "C": 0.05}),
        svc_case("blobs4 poly balanced", ds["blobs4"], {"kernel": "poly", "degree": 3, "coef0": 1.0, "C": 0.5, "class_weight": "balanced"}),
        svc_case("blobs4 rbf class_weight dict", ds["blobs4"], {"kernel": "rbf", "gamma": 0.5, "C": 2.0, "class_weight": {0: 2.0, 3: 0.5}}),
        svc_case("moons rbf sample_weight", ds["moons"], {"kernel": "rbf", "C": 2.0}, sample_weight=w_moons),
        svc_case("blobs3 sigmoid sample_weight", ds["blobs3"], {"kernel": "sigmoid", "gamma": 0.01, "C": 1.0}, sample_weight=w_blobs),
        svc_case("blobs3 rbf probability", ds["blobs3"], {"kernel": "rbf", "C": 1.0, "probability": True, "random_state": 0}),
        svc_case("blobs4 rbf probability balanced", ds["blobs4"], {"kernel": "rbf", "C": 1.0, "probability": True, "random_state": 3, "class_weight": "balanced"}),
        svc_case("moons rbf probability", ds["moons"], {"kernel": "rbf", "C": 1.0, "probability": True, "random_state": 1}),
        svc_case("circles rbf probability sample_weight", ds["circles"], {"kernel": "rbf", "C": 1.0, "probability": True, "random_state": 42}, sample_weight=rng.uniform(0.5, 2.0, size=200)),
    ]
    linear = [
        linear_case("blobs3 squared_hinge", ds["blobs3"], {"C": 1.0, "random_state": 0}),
        linear_case("blobs3 hinge C=0.1", ds["blobs3"], {"C": 0.1, "loss": "hinge", "random_state": 1, "max_iter": 5000}),
        linear_case("blobs4 balanced", ds["blobs4"], {"C": 0.5, "class_weight": "balanced", "random_state": 2}),
        linear_case("moons squared_hinge", ds["moons"], {"C": 1.0, "random_state": 0}),
        linear_case("moons hinge sample_weight", ds["moons"], {"C": 2.0, "loss": "hinge", "random_state": 5, "max_iter": 10000}, sample_weight=w_moons),
        linear_case("circles intercept_scaling", ds["circles"], {"C": 1.0, "intercept_scaling": 3.0, "random_state": 0}),
    ]
    meta = {
        "made_with": f"scikit-learn {sklearn.__version__}, NumPy {np.__version__}, Python {sys.version.split()[0]}",
        "script": "test/reference/svm/make_svm_reference.py",
    }
    data = {k: {"X": arr(v[0]), "y": arr(v[1]), "X_test": arr(v[2])} for k, v in ds.items()}
    with open("test/reference/svm/multiclass.json", "w") as f:
        json.dump({"meta": meta, "data": data, "svc": svc}, f)
    with open("test/reference/svm/linear.json", "w") as f:
        json.dump({"meta": meta, "data": data, "linear": linear}, f)


if __name__ == "__main__":
    main()
