package org.sheetnet.train;

/**
 * Updates parameters from their gradients, once per batch. An optimizer keeps state between steps
 * (velocities, moment estimates), so each training run makes its own from {@link OptimizerSettings}.
 */
public interface Optimizer {

    /**
     * Takes one step: updates every parameter array in place.
     *
     * @param params the parameter arrays (W1, b1, W2, b2, …); modified
     * @param grads  ∂L/∂θ for each, same shapes; not modified
     */
    void step(double[][] params, double[][] grads);
}
