"""The training loop of the background article 001 (Affine, LeakyReLU, SSE loss, Momentum), in
numpy, with the protocol sheetnet train follows (Keras's): the last fraction of rows held out
before shuffling, the training rows shuffled each epoch, one Momentum step per batch, val loss
after each epoch.

    python3 numpy_article.py DATA.csv --layers 1,20,1 --alpha 0.1 --lr 0.001 --batch 8 --epochs 2000

Prints the seconds spent in the training loop and the final losses.
"""
import argparse
import time

import numpy as np


# --- the article's classes (001_7934dde0ca12d0e5.txt), db summed over the batch ---------------
class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)  # the article's db = dout, for a batch
        return dx


class LeakyReLU:
    def __init__(self, alpha):
        self.x = None
        self.alpha = alpha

    def forward(self, x):
        self.x = x
        return np.where(x > 0, x, self.alpha * x)

    def backward(self, dout):
        return np.where(self.x > 0, dout * 1, dout * self.alpha)


class loss():
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, y, t):
        self.y = y
        self.t = t
        self.loss = np.sum((y - t) ** 2) / 2
        return self.loss

    def backward(self):
        return self.y - self.t


class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {}
            for key, val in params.items():
                self.v[key] = np.zeros_like(val)
        for key in params.keys():
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


# --- the loop ---------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--layers", required=True)
    ap.add_argument("--alpha", type=float, default=0.1)
    ap.add_argument("--lr", type=float, default=0.001)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--epochs", type=int, default=2000)
    ap.add_argument("--validation-split", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()

    data = np.loadtxt(a.data, delimiter=",", skiprows=1)
    widths = [int(w) for w in a.layers.split(",")]
    x, t = data[:, :widths[0]], data[:, widths[0]:widths[0] + widths[-1]]
    split = int(np.floor(len(x) * (1 - a.validation_split)))
    xt, tt, xv, tv = x[:split], t[:split], x[split:], t[split:]

    rng = np.random.default_rng(a.seed)
    params, layers = {}, []
    for k in range(len(widths) - 1):
        limit = np.sqrt(6 / (widths[k] + widths[k + 1]))  # Glorot uniform, as sheetnet's default
        params[f"W{k+1}"] = rng.uniform(-limit, limit, (widths[k], widths[k + 1]))
        params[f"b{k+1}"] = np.zeros(widths[k + 1])
    for k in range(len(widths) - 1):
        layers.append(Affine(params[f"W{k+1}"], params[f"b{k+1}"]))
        if k < len(widths) - 2:
            layers.append(LeakyReLU(a.alpha))
    L = loss()
    opt = Momentum(lr=a.lr, momentum=0.9)

    def predict(v):
        for layer in layers:
            v = layer.forward(v)
        return v

    start = time.perf_counter()
    for epoch in range(a.epochs):
        order = rng.permutation(len(xt))
        total = 0.0
        for i in range(0, len(order), a.batch):
            idx = order[i:i + a.batch]
            total += L.forward(predict(xt[idx]), tt[idx])
            dout = L.backward()
            for layer in reversed(layers):
                dout = layer.backward(dout)
            grads = {}
            for k, layer in enumerate(l for l in layers if isinstance(l, Affine)):
                grads[f"W{k+1}"], grads[f"b{k+1}"] = layer.dW, layer.db
            opt.update(params, grads)
        val = np.sum((predict(xv) - tv) ** 2) / 2 / max(len(xv), 1)
    seconds = time.perf_counter() - start
    print(f"loop_seconds {seconds:.6f} loss {total / len(xt):.6g} val_loss {val:.6g}")


if __name__ == "__main__":
    main()
