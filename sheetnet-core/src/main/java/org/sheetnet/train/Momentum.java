package org.sheetnet.train;

/**
 * Momentum, as in the background article and Keras's SGD(momentum=μ): v ← μ·v − η·g; θ ← θ + v,
 * with v starting at zero.
 */
final class Momentum implements Optimizer {

    private final double lr;
    private final double momentum;
    private double[][] velocity;

    Momentum(double lr, double momentum) {
        this.lr = lr;
        this.momentum = momentum;
    }

    @Override
    public void step(double[][] params, double[][] grads) {
        if (velocity == null) {
            velocity = zerosLike(params);
        }
        for (int p = 0; p < params.length; p++) {
            double[] theta = params[p];
            double[] g = grads[p];
            double[] v = velocity[p];
            for (int i = 0; i < theta.length; i++) {
                v[i] = momentum * v[i] - lr * g[i];
                theta[i] += v[i];
            }
        }
    }

    static double[][] zerosLike(double[][] params) {
        double[][] z = new double[params.length][];
        for (int p = 0; p < params.length; p++) {
            z[p] = new double[params[p].length];
        }
        return z;
    }
}
