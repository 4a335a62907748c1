package org.sheetnet.activation;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * An activation that maps each pre-activation to one value on its own: z_j = h(a_j). Its
 * derivative h'(a), when it has a useful one, is given as a function of a and z = h(a), so that
 * e.g. sigmoid' = z(1 − z) needs no second exponential.
 */
final class Elementwise implements Activation {

    private final String name;
    private final String parameterName;
    private final OptionalDouble parameter;
    private final DoubleUnaryOperator function;
    private final DoubleBinaryOperator derivative;
    private final UnaryOperator<String> formula;

    /**
     * @param derivative h'(a) as a function of (a, z = h(a)), or null when h has no useful gradient
     * @param formula    the Excel formula of h over the reference to a cell holding a
     */
    Elementwise(String name, String parameterName, OptionalDouble parameter, DoubleUnaryOperator function,
            DoubleBinaryOperator derivative, UnaryOperator<String> formula) {
        this.formula = formula;
        this.name = name;
        this.parameterName = parameterName;
        this.parameter = parameter;
        this.function = function;
        this.derivative = derivative;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OptionalDouble parameter() {
        return parameter;
    }

    /** The scalar function h. */
    double value(double a) {
        return function.applyAsDouble(a);
    }

    @Override
    public void apply(double[] pre, int preOff, int units, double[] out, int outOff) {
        for (int j = 0; j < units; j++) {
            out[outOff + j] = function.applyAsDouble(pre[preOff + j]);
        }
    }

    @Override
    public Optional<String> formula(FormulaRefs refs, int output) {
        return Optional.of(formula.apply(refs.cell(output)));
    }

    @Override
    public boolean differentiable() {
        return derivative != null;
    }

    /** h'(a) given a and z = h(a). */
    double derivative(double a, double z) {
        if (derivative == null) {
            throw new UnsupportedOperationException(name + " has no gradient");
        }
        return derivative.applyAsDouble(a, z);
    }

    // ∂L/∂a_j = h'(a_j) · ∂L/∂z_j
    @Override
    public void backward(double[] pre, int preOff, int units, double[] act, int actOff, double[] gradAct,
            double[] gradPre) {
        if (derivative == null) {
            throw new UnsupportedOperationException(name + " has no gradient");
        }
        for (int j = 0; j < units; j++) {
            gradPre[preOff + j] = derivative.applyAsDouble(pre[preOff + j], act[actOff + j]) * gradAct[actOff + j];
        }
    }

    /** With Keras's name for the parameter: {@code leaky_relu(negative_slope=0.2)}. */
    @Override
    public String describe() {
        return parameter.isPresent() ? name + "(" + parameterName + "=" + parameter.getAsDouble() + ")" : name;
    }

    @Override
    public String toString() {
        return describe();
    }
}
