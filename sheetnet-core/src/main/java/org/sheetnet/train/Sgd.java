package org.sheetnet.train;

/** Plain stochastic gradient descent: θ ← θ − η·g. */
final class Sgd implements Optimizer {

    private final double lr;

    Sgd(double lr) {
        this.lr = lr;
    }

    @Override
    public void step(double[][] params, double[][] grads) {
        for (int p = 0; p < params.length; p++) {
            double[] theta = params[p];
            double[] g = grads[p];
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= lr * g[i];
            }
        }
    }
}
