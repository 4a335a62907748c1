package org.sheetnet.train;

/**
 * Adam (Kingma and Ba 2015) as Keras 3 implements it, at step t = 1, 2, …:
 * m ← m + (g − m)(1 − β1); v ← v + (g² − v)(1 − β2);
 * α = η·√(1 − β2^t)/(1 − β1^t); θ ← θ − α·m/(√v + ε).
 */
final class Adam implements Optimizer {

    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private double[][] m;
    private double[][] v;
    private int t;

    Adam(double lr, double beta1, double beta2, double epsilon) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public void step(double[][] params, double[][] grads) {
        if (m == null) {
            m = Momentum.zerosLike(params);
            v = Momentum.zerosLike(params);
        }
        t++;
        double alpha = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        for (int p = 0; p < params.length; p++) {
            double[] theta = params[p];
            double[] g = grads[p];
            double[] mp = m[p];
            double[] vp = v[p];
            for (int i = 0; i < theta.length; i++) {
                mp[i] += (g[i] - mp[i]) * (1 - beta1);
                vp[i] += (g[i] * g[i] - vp[i]) * (1 - beta2);
                theta[i] -= alpha * mp[i] / (Math.sqrt(vp[i]) + epsilon);
            }
        }
    }
}
