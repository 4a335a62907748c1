package org.sheetnet.format.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sheetnet.SheetnetException;

/** Which Keras activation layers and names map to which sheetnet activation, and which are refused. */
class KerasActivationsTest {

    private static LayerSpec layer(String className, String config) throws Exception {
        return new LayerSpec("act", className, new ObjectMapper().readTree(config));
    }

    @ParameterizedTest(name = "{0} {1} (Keras {2})")
    @CsvSource(delimiter = '|', value = {
        "ReLU            | {}                                                          | 3 | relu(negative_slope=0.0)",
        "ReLU            | {\"max_value\": null, \"negative_slope\": 0.25, \"threshold\": 0} | 2 | relu(negative_slope=0.25)",
        "ReLU            | {\"max_value\": 6.0, \"negative_slope\": 0, \"threshold\": 0}   | 2 | relu6",
        "LeakyReLU       | {}                                                          | 2 | leaky_relu(negative_slope=0.3)",
        "LeakyReLU       | {\"alpha\": 0.5}                                            | 2 | leaky_relu(negative_slope=0.5)",
        "LeakyReLU       | {\"negative_slope\": 0.01}                                  | 3 | leaky_relu(negative_slope=0.01)",
        "ELU             | {}                                                          | 3 | elu(alpha=1.0)",
        "ELU             | {\"alpha\": 0.699999988079071}                              | 2 | elu(alpha=0.699999988079071)",
        "Softmax         | {\"axis\": -1}                                              | 3 | softmax",
        "ThresholdedReLU | {\"theta\": 0.0}                                            | 2 | relu(negative_slope=0.0)"
    })
    void mapsLayers(String className, String config, int major, String expected) throws Exception {
        assertEquals(expected, KerasActivations.layer(layer(className, config), major, "m.h5").describe());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "ReLU            | {\"max_value\": 1.4}                          | max_value 1.4",
        "ReLU            | {\"max_value\": 6.0, \"negative_slope\": 0.1}   | max_value 6.0 and negative_slope 0.1",
        "ReLU            | {\"threshold\": 0.2}                          | threshold 0.2",
        "LeakyReLU       | {\"alpha\": 1.5}                              | a negative slope of 1.5 (above 1)",
        "ThresholdedReLU | {\"theta\": 1.0}                              | theta 1.0",
        "Softmax         | {\"axis\": 0}                                 | softmax over axis 0"
    })
    void refusesLayersItCannotComputeExactly(String className, String config, String message) {
        SheetnetException e = assertThrows(SheetnetException.class,
                () -> KerasActivations.layer(layer(className, config), 2, "m.h5: layer act (" + className + ")"));
        assertTrue(e.getMessage().startsWith("m.h5: layer act (" + className + "): "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest(name = "{0} in Keras {1}")
    @CsvSource({"relu, 2, relu", "swish, 2, silu", "softmax, 1, softmax", "hard_sigmoid, 3, hard_sigmoid",
        "leaky_relu, 3, leaky_relu", "'', 2, linear"})
    void mapsNames(String name, int major, String expected) {
        assertEquals(expected, KerasActivations.named(name, major, "m.h5").name());
    }

    @ParameterizedTest(name = "{0} in Keras {1}")
    @CsvSource({"hard_sigmoid, 2", "relu6, 2", "step, 3", "threshold, 3"})
    void refusesNames(String name, int major) {
        assertThrows(SheetnetException.class, () -> KerasActivations.named(name, major, "m.h5"));
    }
}
