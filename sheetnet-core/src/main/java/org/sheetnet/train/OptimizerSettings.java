package org.sheetnet.train;

import java.util.List;
import java.util.Locale;

/**
 * Which optimizer to train with, and its hyper-parameters. Defaults are Keras's: SGD with learning
 * rate 0.01; momentum 0.9; Adam with learning rate 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-7.
 *
 * @param name     {@code sgd}, {@code momentum} or {@code adam}
 * @param lr       learning rate η (> 0)
 * @param momentum μ of momentum, in [0, 1)
 * @param beta1    β1 of Adam, in [0, 1)
 * @param beta2    β2 of Adam, in [0, 1)
 * @param epsilon  ε of Adam (> 0)
 */
public record OptimizerSettings(String name, double lr, double momentum, double beta1, double beta2, double epsilon) {

    /** The optimizer names. */
    public static final List<String> NAMES = List.of("sgd", "momentum", "adam");

    public OptimizerSettings {
        name = name.toLowerCase(Locale.ROOT);
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown optimizer \"" + name + "\"; known: " + String.join(", ", NAMES));
        }
        if (!(lr > 0) || !(momentum >= 0 && momentum < 1) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)
                || !(epsilon > 0)) {
            throw new IllegalArgumentException("need lr > 0, 0 ≤ momentum, beta1, beta2 < 1 and epsilon > 0");
        }
    }

    /** Keras's default learning rate for an optimizer: 0.001 for Adam, 0.01 otherwise. */
    public static double defaultLearningRate(String name) {
        return "adam".equalsIgnoreCase(name) ? 0.001 : 0.01;
    }

    /** The named optimizer with Keras's defaults for everything else. */
    public static OptimizerSettings of(String name, double lr) {
        return new OptimizerSettings(name, lr, 0.9, 0.9, 0.999, 1e-7);
    }

    /** A fresh optimizer, with no state. */
    public Optimizer create() {
        return switch (name) {
            case "sgd" -> new Sgd(lr);
            case "momentum" -> new Momentum(lr, momentum);
            default -> new Adam(lr, beta1, beta2, epsilon);
        };
    }

    /** Readable form for the Audit sheet. */
    public String describe() {
        return switch (name) {
            case "sgd" -> "sgd(lr=" + lr + ")";
            case "momentum" -> "momentum(lr=" + lr + ", momentum=" + momentum + ")";
            default -> "adam(lr=" + lr + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ")";
        };
    }
}
