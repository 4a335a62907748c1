#!/usr/bin/env python3
"""Writes the Keras 3 test fixtures of sheetnet's import-keras tests, without Keras.

Needs only h5py and numpy (Debian: apt-get install python3-h5py python3-numpy). Run from this
folder with Debian's Python:  /usr/bin/python3 make_fixtures.py

The files follow the layout of a real Keras 3.10.0 .keras zip (../shared/keras/keras3/
student_pass_fail.keras): config.json, metadata.json and model.weights.h5, whose layer groups
are named after each layer's class and its count (dense, dense_1, ..., dense_10), not after the
names in config.json, so that an importer must match layers by order. Keras did not write them:
metadata.json says so.

The expected predictions (*_inputs_and_outputs.h5, the layout of the DL4J test resources:
inputs/<input>, predictions/<output>) are computed here with numpy in float64 from the float32
weights, an implementation independent of sheetnet's Java forward pass.

Fixtures:
- functional_chain.keras: a Functional model. Input "features" of shape (2, 3) -> Flatten ->
  Dense "hidden" 6->5 linear -> LeakyReLU(negative_slope=0.1) -> Dropout -> Dense "squash" 5->4
  tanh without bias -> Dense "probs" 4->3 linear -> Activation softmax.
  Also written unzipped as functional_chain.weights.h5 + functional_chain.json (weights only).
- deep_sequential.keras: a Sequential model of 11 Dense layers 3->4->...->4->2 with alternating
  activations: the weights groups dense, dense_1, ..., dense_10 sort as dense_10 < dense_2, so
  matching them by name order would scramble the layers.
- normalized_sequential.keras: a Sequential model. Input "reading" (4,) -> Normalization (adapted:
  mean, variance and count stored as weights vars/0..2; feature 3 is constant, variance 0, so
  Keras divides by epsilon 1e-7) -> Dropout -> Dense "hidden" 4->5 relu -> Dense "out" 5->2 linear.
  Also written unzipped as normalized_sequential.weights.h5 + normalized_sequential.json, which the
  tests edit to check the refusals (invert, axis, position).
- normalized_explicit.keras: a Sequential model whose Normalization layer was given mean and
  variance in its config (no weights; Keras casts them to float32) -> Dense 3->2 tanh.
- batchnorm_chain.keras: a Functional model. Input (3,) -> Dense "hidden" 3->4 linear ->
  BatchNormalization "bn" (center, scale, epsilon 1e-3) -> Activation tanh -> Dense "mid" 4->3
  linear without bias -> BatchNormalization "bn2" (scale=False, epsilon 0.01) -> Dense "out" 3->2
  sigmoid: each BatchNormalization is folded into the Dense layer before it.
- legacy_normalized.h5: the same layers in the legacy HDF5 full-model layout of tf.keras 2.x
  (model_config attribute, model_weights/<layer>/<layer>/mean:0 ... listed by weight_names):
  Input (3,) -> Normalization (adapted) -> Dense "hidden" 3->4 linear -> BatchNormalization "bn"
  -> Activation relu -> Dense "out" 4->1 linear. keras_version "2.15.0" and a note attribute
  saying that Keras did not write it.

Keras computes Normalization as (x - mean) / maximum(sqrt(variance), epsilon()) (Keras 3
keras/src/layers/preprocessing/normalization.py, and tf.keras 2.x alike), epsilon() = 1e-7, and
BatchNormalization at inference as (x - moving_mean) / sqrt(moving_variance + epsilon) * gamma + beta.
Keras holds the epsilons, like the weights, in float32: the reference uses those float32 values.
"""
import json
import os
import zipfile

import h5py
import numpy as np

META = {"keras_version": "3.10.0", "date_saved": "2026-11-23@00:00:00",
        "note": "written by sheetnet's src/test/resources/keras/make_fixtures.py with h5py, not by Keras"}
ZIP_DATE = (2026, 11, 23, 0, 0, 0)


def dtype_policy():
    return {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": None}


def tensor(shape, source):
    return {"class_name": "__keras_tensor__",
            "config": {"shape": shape, "dtype": "float32", "keras_history": [source, 0, 0]}}


def layer(class_name, name, config, inbound=None, build_shape=None):
    entry = {"module": "keras.layers", "class_name": class_name,
             "config": dict({"name": name, "trainable": True, "dtype": dtype_policy()}, **config),
             "registered_name": None}
    if build_shape is not None:
        entry["build_config"] = {"input_shape": build_shape}
    if inbound is not None:
        entry["name"] = name
        entry["inbound_nodes"] = inbound
    return entry


def dense_config(units, activation, use_bias=True):
    return {"units": units, "activation": activation, "use_bias": use_bias,
            "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform",
                                   "config": {"seed": None}, "registered_name": None},
            "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {},
                                 "registered_name": None},
            "kernel_regularizer": None, "bias_regularizer": None, "kernel_constraint": None,
            "bias_constraint": None}


def write_weights(path, model_name, groups):
    """groups: list of (group name, config name, [arrays]) in the model's layer order."""
    with h5py.File(path, "w") as f:
        for group, name, arrays in groups:
            vars_ = f.create_group("layers/" + group + "/vars")
            vars_.attrs["name"] = name
            for i, a in enumerate(arrays):
                vars_.create_dataset(str(i), data=a.astype(np.float32))
        f.create_group("vars").attrs["name"] = model_name


def write_keras(path, config, weights_path):
    with open(weights_path, "rb") as w:
        weights = w.read()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("metadata.json", json.dumps(META)), ("config.json", json.dumps(config, indent=1)),
                           ("model.weights.h5", weights)):
            z.writestr(zipfile.ZipInfo(name, ZIP_DATE), data)


def write_expected(path, input_name, x, output_name, y):
    with h5py.File(path, "w") as f:
        f.attrs["inputs"] = json.dumps({"inputs": [input_name]})
        f.attrs["outputs"] = json.dumps({"outputs": [output_name]})
        f.create_dataset("inputs/" + input_name, data=x.astype(np.float32))
        f.create_dataset("predictions/" + output_name, data=y)


def f32(a):
    """The float32 values Keras would hold, as float64 for the reference computation."""
    return a.astype(np.float32).astype(np.float64)


def softmax(a):
    e = np.exp(a - a.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def functional_chain(rng):
    w1, b1 = rng.normal(size=(6, 5)), rng.normal(size=5)
    w2 = rng.normal(size=(5, 4))
    w3, b3 = rng.normal(size=(4, 3)), rng.normal(size=3)
    x = rng.uniform(-2, 2, size=(5, 2, 3))
    w1, b1, w2, w3, b3, x = map(f32, (w1, b1, w2, w3, b3, x))
    h = x.reshape(5, 6) @ w1 + b1                       # Flatten in row-major (C) order
    h = np.where(h >= 0, h, 0.1 * h)                    # LeakyReLU(negative_slope=0.1); Dropout is the identity
    h = np.tanh(h @ w2)                                 # no bias
    y = softmax(h @ w3 + b3)
    config = {"module": "keras", "class_name": "Functional", "config": {
        "name": "functional_chain", "trainable": True,
        "layers": [
            {"module": "keras.layers", "class_name": "InputLayer", "name": "features",
             "config": {"batch_shape": [None, 2, 3], "dtype": "float32", "sparse": False, "name": "features"},
             "registered_name": None, "inbound_nodes": []},
            layer("Flatten", "flat", {"data_format": "channels_last"},
                  [{"args": [tensor([None, 2, 3], "features")], "kwargs": {}}]),
            layer("Dense", "hidden", dense_config(5, "linear"),
                  [{"args": [tensor([None, 6], "flat")], "kwargs": {}}], [None, 6]),
            layer("LeakyReLU", "leaky", {"negative_slope": 0.1},
                  [{"args": [tensor([None, 5], "hidden")], "kwargs": {}}]),
            layer("Dropout", "drop", {"rate": 0.5, "seed": None, "noise_shape": None},
                  [{"args": [tensor([None, 5], "leaky")], "kwargs": {"training": False}}]),
            layer("Dense", "squash", dense_config(4, "tanh", use_bias=False),
                  [{"args": [tensor([None, 5], "drop")], "kwargs": {}}], [None, 5]),
            layer("Dense", "probs", dense_config(3, "linear"),
                  [{"args": [tensor([None, 4], "squash")], "kwargs": {}}], [None, 4]),
            layer("Activation", "softmax_out", {"activation": "softmax"},
                  [{"args": [tensor([None, 3], "probs")], "kwargs": {}}]),
        ],
        "input_layers": ["features", 0, 0],
        "output_layers": ["softmax_out", 0, 0]}}
    write_weights("functional_chain.weights.h5", "functional_chain", [
        ("flatten", "flat", []), ("dense", "hidden", [w1, b1]), ("leaky_re_lu", "leaky", []),
        ("dropout", "drop", []), ("dense_1", "squash", [w2]), ("dense_2", "probs", [w3, b3]),
        ("activation", "softmax_out", [])])
    with open("functional_chain.json", "w") as f:
        json.dump(config, f, indent=1)
    write_keras("functional_chain.keras", config, "functional_chain.weights.h5")
    write_expected("functional_chain_inputs_and_outputs.h5", "features", x, "softmax_out", y)


def sequential_config(name, layers):
    return {"module": "keras", "class_name": "Sequential",
            "config": {"name": name, "trainable": True, "dtype": dtype_policy(), "layers": layers},
            "build_config": {"input_shape": layers[0]["config"]["batch_shape"]}}


def input_layer(name, width):
    return {"module": "keras.layers", "class_name": "InputLayer",
            "config": {"batch_shape": [None, width], "dtype": "float32", "sparse": False, "name": name},
            "registered_name": None}


def normalization_config(mean=None, variance=None):
    return {"axis": [-1], "invert": False, "mean": mean, "variance": variance}


def normalize(x, mean, variance):
    """Keras: (x - mean) / maximum(sqrt(variance), epsilon()), epsilon() = 1e-7 taken in float32 as Keras
    computes; here in float64."""
    return (x - mean) / np.maximum(np.sqrt(variance), f32(np.float64(1e-7)))


def normalized_sequential(rng):
    mean = f32(np.array([120.0, -3.5, 7.25, 0.002]))
    variance = f32(np.array([900.0, 0.04, 0.0, 1.5e-6]))   # feature 3 constant: divided by epsilon
    w1, b1 = f32(rng.normal(size=(4, 5))), f32(rng.normal(size=5))
    w2, b2 = f32(rng.normal(size=(5, 2))), f32(rng.normal(size=2))
    x = mean + np.sqrt(variance) * rng.normal(size=(6, 4))
    x[:, 2] = mean[2]
    x = f32(x)
    h = np.maximum(normalize(x, mean, variance) @ w1 + b1, 0)
    y = h @ w2 + b2
    config = sequential_config("normalized_sequential", [
        input_layer("reading", 4),
        layer("Normalization", "normalization", normalization_config(), build_shape=[None, 4]),
        layer("Dropout", "dropout", {"rate": 0.2, "seed": None, "noise_shape": None}),
        layer("Dense", "hidden", dense_config(5, "relu"), build_shape=[None, 4]),
        layer("Dense", "out", dense_config(2, "linear"), build_shape=[None, 5])])
    write_weights("normalized_sequential.weights.h5", "normalized_sequential", [
        ("normalization", "normalization", [mean, variance]), ("dropout", "dropout", []),
        ("dense", "hidden", [w1, b1]), ("dense_1", "out", [w2, b2])])
    with h5py.File("normalized_sequential.weights.h5", "a") as f:   # count: int64 scalar, as Keras stores it
        f["layers/normalization/vars"].create_dataset("2", data=np.int64(1000))
    with open("normalized_sequential.json", "w") as f:
        json.dump(config, f, indent=1)
    write_keras("normalized_sequential.keras", config, "normalized_sequential.weights.h5")
    write_expected("normalized_sequential_inputs_and_outputs.h5", "reading", x, "out", y)


def normalized_explicit(rng):
    mean, variance = [0.1, -2.7, 33.3], [0.25, 1.1, 400.0]
    w, b = f32(rng.normal(size=(3, 2))), f32(rng.normal(size=2))
    x = f32(np.array(mean) + np.sqrt(variance) * rng.normal(size=(5, 3)))
    y = np.tanh(normalize(x, f32(np.array(mean)), f32(np.array(variance))) @ w + b)   # Keras casts to float32
    config = sequential_config("normalized_explicit", [
        input_layer("input_layer", 3),
        layer("Normalization", "normalization", normalization_config(mean, variance), build_shape=[None, 3]),
        layer("Dense", "dense", dense_config(2, "tanh"), build_shape=[None, 3])])
    write_weights("normalized_explicit.weights.h5", "normalized_explicit", [
        ("normalization", "normalization", []), ("dense", "dense", [w, b])])
    write_keras("normalized_explicit.keras", config, "normalized_explicit.weights.h5")
    os.remove("normalized_explicit.weights.h5")
    write_expected("normalized_explicit_inputs_and_outputs.h5", "input_layer", x, "dense", y)


def batchnorm_config(center=True, scale=True, epsilon=1e-3):
    init = lambda c: {"module": "keras.initializers", "class_name": c, "config": {}, "registered_name": None}
    return {"axis": -1, "momentum": 0.99, "epsilon": epsilon, "center": center, "scale": scale,
            "beta_initializer": init("Zeros"), "gamma_initializer": init("Ones"),
            "moving_mean_initializer": init("Zeros"), "moving_variance_initializer": init("Ones"),
            "beta_regularizer": None, "gamma_regularizer": None, "beta_constraint": None,
            "gamma_constraint": None, "synchronized": False}


def batch_norm(h, mean, variance, epsilon, gamma=None, beta=None):
    """Keras at inference: (h - moving_mean) / sqrt(moving_variance + epsilon) * gamma + beta."""
    out = (h - mean) / np.sqrt(variance + epsilon)
    if gamma is not None:
        out = out * gamma
    if beta is not None:
        out = out + beta
    return out


def batchnorm_chain(rng):
    w1, b1 = f32(rng.normal(size=(3, 4))), f32(rng.normal(size=4))
    gamma, beta = f32(rng.uniform(0.5, 2, size=4)), f32(rng.normal(size=4))
    mean1, var1 = f32(rng.normal(size=4)), f32(rng.uniform(0.1, 3, size=4))
    w2 = f32(rng.normal(size=(4, 3)))
    mean2, var2 = f32(rng.normal(size=3)), f32(rng.uniform(0.1, 3, size=3))
    beta2 = f32(rng.normal(size=3))
    w3, b3 = f32(rng.normal(size=(3, 2))), f32(rng.normal(size=2))
    x = f32(rng.uniform(-2, 2, size=(6, 3)))
    h = np.tanh(batch_norm(x @ w1 + b1, mean1, var1, f32(np.float64(1e-3)), gamma, beta))
    h = batch_norm(h @ w2, mean2, var2, f32(np.float64(0.01)), beta=beta2)
    y = 1 / (1 + np.exp(-(h @ w3 + b3)))
    src = lambda width, name: [{"args": [tensor([None, width], name)], "kwargs": {}}]
    config = {"module": "keras", "class_name": "Functional", "config": {
        "name": "batchnorm_chain", "trainable": True,
        "layers": [
            {"module": "keras.layers", "class_name": "InputLayer", "name": "input_layer",
             "config": {"batch_shape": [None, 3], "dtype": "float32", "sparse": False, "name": "input_layer"},
             "registered_name": None, "inbound_nodes": []},
            layer("Dense", "hidden", dense_config(4, "linear"), src(3, "input_layer"), [None, 3]),
            layer("BatchNormalization", "bn", batchnorm_config(), src(4, "hidden"), [None, 4]),
            layer("Activation", "act", {"activation": "tanh"}, src(4, "bn")),
            layer("Dense", "mid", dense_config(3, "linear", use_bias=False), src(4, "act"), [None, 4]),
            layer("BatchNormalization", "bn2", batchnorm_config(scale=False, epsilon=0.01), src(3, "mid"),
                  [None, 3]),
            layer("Dense", "out", dense_config(2, "sigmoid"), src(3, "bn2"), [None, 3]),
        ],
        "input_layers": ["input_layer", 0, 0],
        "output_layers": ["out", 0, 0]}}
    write_weights("batchnorm_chain.weights.h5", "batchnorm_chain", [
        ("dense", "hidden", [w1, b1]), ("batch_normalization", "bn", [gamma, beta, mean1, var1]),
        ("activation", "act", []), ("dense_1", "mid", [w2]),
        ("batch_normalization_1", "bn2", [beta2, mean2, var2]), ("dense_2", "out", [w3, b3])])
    with open("batchnorm_chain.json", "w") as f:
        json.dump(config, f, indent=1)
    write_keras("batchnorm_chain.keras", config, "batchnorm_chain.weights.h5")
    write_expected("batchnorm_chain_inputs_and_outputs.h5", "input_layer", x, "out", y)


def legacy_normalized(rng):
    mean, variance = f32(np.array([5.0, -0.25, 1e3])), f32(np.array([4.0, 0.01, 2.5e5]))
    w1, b1 = f32(rng.normal(size=(3, 4))), f32(rng.normal(size=4))
    gamma, beta = f32(rng.uniform(0.5, 2, size=4)), f32(rng.normal(size=4))
    mm, mv = f32(rng.normal(size=4)), f32(rng.uniform(0.1, 3, size=4))
    w2, b2 = f32(rng.normal(size=(4, 1))), f32(rng.normal(size=1))
    x = f32(mean + np.sqrt(variance) * rng.normal(size=(5, 3)))
    h = batch_norm(normalize(x, mean, variance) @ w1 + b1, mm, mv, f32(np.float64(1e-3)), gamma, beta)
    y = np.maximum(h, 0) @ w2 + b2
    k2 = lambda class_name, config: {"class_name": class_name, "config": dict({"trainable": True, "dtype": "float32"},
                                                                               **config)}
    bn = batchnorm_config()
    bn["axis"] = [1]                                   # tf.keras 2 stores the normalized axes as a list
    config = {"class_name": "Sequential", "config": {"name": "legacy_normalized", "layers": [
        k2("InputLayer", {"batch_input_shape": [None, 3], "sparse": False, "ragged": False, "name": "input_1"}),
        k2("Normalization", dict(normalization_config(), name="normalization")),
        k2("Dense", dict(dense_config(4, "linear"), name="hidden")),
        k2("BatchNormalization", dict(bn, name="bn")),
        k2("Activation", {"activation": "relu", "name": "act"}),
        k2("Dense", dict(dense_config(1, "linear"), name="out"))]}}
    del config["config"]["layers"][1]["config"]["invert"]     # tf.keras 2 has no invert
    weights = [("normalization", [("mean:0", mean), ("variance:0", variance), ("count:0", np.int64(500))]),
               ("hidden", [("kernel:0", w1), ("bias:0", b1)]),
               ("bn", [("gamma:0", gamma), ("beta:0", beta), ("moving_mean:0", mm), ("moving_variance:0", mv)]),
               ("act", []), ("out", [("kernel:0", w2), ("bias:0", b2)])]
    with h5py.File("legacy_normalized.h5", "w") as f:
        f.attrs["keras_version"] = "2.15.0"
        f.attrs["backend"] = "tensorflow"
        f.attrs["note"] = META["note"]
        f.attrs["model_config"] = json.dumps(config)
        g = f.create_group("model_weights")
        g.attrs["layer_names"] = [n.encode() for n, _ in weights]
        for name, arrays in weights:
            layer_group = g.create_group(name)
            layer_group.attrs["weight_names"] = [(name + "/" + w).encode() for w, _ in arrays]
            for w, a in arrays:
                layer_group.create_dataset(name + "/" + w, data=a if a.dtype == np.int64 else a.astype(np.float32))
    write_expected("legacy_normalized_inputs_and_outputs.h5", "input_1", x, "out", y)


def deep_sequential(rng):
    widths = [3] + [4] * 10 + [2]
    activations = ["tanh", "relu", "sigmoid", "elu", "linear"] * 2 + ["sigmoid"]
    x = f32(rng.uniform(-1, 1, size=(6, 3)))
    a = x
    layers = [{"module": "keras.layers", "class_name": "InputLayer",
               "config": {"batch_shape": [None, 3], "dtype": "float32", "sparse": False, "name": "input_layer"},
               "registered_name": None}]
    groups = []
    for k in range(11):
        w, b = f32(rng.normal(size=(widths[k], widths[k + 1]))), f32(rng.normal(size=widths[k + 1]))
        z = a @ w + b
        act = activations[k]
        a = {"tanh": np.tanh, "relu": lambda v: np.maximum(v, 0), "sigmoid": lambda v: 1 / (1 + np.exp(-v)),
             "elu": lambda v: np.where(v > 0, v, np.expm1(v)), "linear": lambda v: v}[act](z)
        name = "step_%02d" % (k + 1)
        layers.append(layer("Dense", name, dense_config(widths[k + 1], act), build_shape=[None, widths[k]]))
        groups.append(("dense" if k == 0 else "dense_%d" % k, name, [w, b]))
    config = {"module": "keras", "class_name": "Sequential",
              "config": {"name": "deep_sequential", "trainable": True, "dtype": dtype_policy(), "layers": layers},
              "build_config": {"input_shape": [None, 3]}}
    write_weights("deep_sequential.weights.h5", "deep_sequential", groups)
    write_keras("deep_sequential.keras", config, "deep_sequential.weights.h5")
    os.remove("deep_sequential.weights.h5")
    write_expected("deep_sequential_inputs_and_outputs.h5", "input_layer", x, "step_11", a)


if __name__ == "__main__":
    rng = np.random.default_rng(20261123)
    functional_chain(rng)
    deep_sequential(rng)
    normalized_sequential(np.random.default_rng(20261124))
    normalized_explicit(np.random.default_rng(20261125))
    batchnorm_chain(np.random.default_rng(20261126))
    legacy_normalized(np.random.default_rng(20261127))
