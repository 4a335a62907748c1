package org.sheetnet.format.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sheetnet.SheetnetException;

/** Functional configs: the chain is found from output back to input; branches and merges are refused by name. */
class KerasConfigTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text.replace('\'', '"'));
    }

    // Keras 2 inbound format, layers listed out of order on purpose.
    private static final String CHAIN = "{'class_name': 'Model', 'config': {'name': 'm', 'layers': ["
            + "{'name': 'out', 'class_name': 'Dense', 'config': {'name': 'out'}, 'inbound_nodes': [[['mid', 0, 0, {}]]]},"
            + "{'name': 'in', 'class_name': 'InputLayer', 'config': {'name': 'in', 'batch_input_shape': [null, 3]},"
            + " 'inbound_nodes': []},"
            + "{'name': 'mid', 'class_name': 'Dense', 'config': {'name': 'mid'}, 'inbound_nodes': [[['in', 0, 0, {}]]]}],"
            + " 'input_layers': [['in', 0, 0]], 'output_layers': [['out', 0, 0]]}}";

    @Test
    void followsTheChainWhateverTheListOrder() throws Exception {
        ModelConfig model = KerasConfig.read(json(CHAIN), "m.h5");
        assertEquals(List.of("in", "mid", "out"), model.chain().stream().map(LayerSpec::name).toList());
        assertEquals(3, model.inputShape().orElseThrow()[0], "input shape");
    }

    @Test
    void refusesAMergeNamingIt() throws Exception {
        String merge = "{'class_name': 'Functional', 'config': {'name': 'm', 'layers': ["
                + "{'name': 'in', 'class_name': 'InputLayer', 'config': {}, 'inbound_nodes': []},"
                + "{'name': 'a', 'class_name': 'Dense', 'config': {}, 'inbound_nodes': [{'args': [{'class_name':"
                + " '__keras_tensor__', 'config': {'keras_history': ['in', 0, 0]}}], 'kwargs': {}}]},"
                + "{'name': 'sum', 'class_name': 'Add', 'config': {}, 'inbound_nodes': [{'args': [[{'config':"
                + " {'keras_history': ['in', 0, 0]}}, {'config': {'keras_history': ['a', 0, 0]}}]], 'kwargs': {}}]}],"
                + " 'input_layers': ['in', 0, 0], 'output_layers': ['sum', 0, 0]}}";
        SheetnetException e = assertThrows(SheetnetException.class, () -> KerasConfig.read(json(merge), "m.keras"));
        assertTrue(e.getMessage().contains("m.keras: layer sum (Add) takes 2 inputs [in, a]"), e.getMessage());
    }

    @Test
    void refusesALayerOffThePath() throws Exception {
        String extra = CHAIN.replace("'input_layers'", "'unused': 0, 'input_layers'").replace("'layers': [",
                "'layers': [{'name': 'side', 'class_name': 'Dense', 'config': {}, 'inbound_nodes': [[['in', 0, 0, {}]]]},");
        SheetnetException e = assertThrows(SheetnetException.class, () -> KerasConfig.read(json(extra), "m.h5"));
        assertTrue(e.getMessage().contains("layer side (Dense) is not on the single path"), e.getMessage());
    }

    @Test
    void refusesTwoInputs() throws Exception {
        String two = CHAIN.replace("'input_layers': [['in', 0, 0]]", "'input_layers': [['in', 0, 0], ['in2', 0, 0]]");
        SheetnetException e = assertThrows(SheetnetException.class, () -> KerasConfig.read(json(two), "m.h5"));
        assertTrue(e.getMessage().contains("2 inputs [in, in2]"), e.getMessage());
    }

    @Test
    void snakeCasesClassNamesAsKerasDoes() {
        assertEquals("dense", Keras3Weights.snakeCase("Dense"));
        assertEquals("q_dense", Keras3Weights.snakeCase("QDense"));
        assertEquals("leaky_re_lu", Keras3Weights.snakeCase("LeakyReLU"));
        assertEquals("batch_normalization", Keras3Weights.snakeCase("BatchNormalization"));
    }
}
