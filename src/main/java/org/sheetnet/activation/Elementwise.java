package org.sheetnet.activation;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/** An activation that maps each pre-activation to one value on its own: z_j = h(a_j). */
final class Elementwise implements Activation {

    private final String name;
    private final String parameterName;
    private final OptionalDouble parameter;
    private final DoubleUnaryOperator function;
    private final UnaryOperator<String> formula;

    Elementwise(String name, String parameterName, OptionalDouble parameter, DoubleUnaryOperator function,
            UnaryOperator<String> formula) {
        this.formula = formula;
        this.name = name;
        this.parameterName = parameterName;
        this.parameter = parameter;
        this.function = function;
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
