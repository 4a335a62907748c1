package org.sheetnet.format.onnx;

import java.util.Optional;
import org.sheetnet.format.onnx.proto.Onnx.AttributeProto;
import org.sheetnet.format.onnx.proto.Onnx.NodeProto;

/** Typed access to a node's attributes, with the operator's defaults. */
final class Attributes {

    private Attributes() {
    }

    static Optional<AttributeProto> find(NodeProto node, String name) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst();
    }

    /** An integer attribute, or its default. */
    static long integer(NodeProto node, String name, long byDefault) {
        return find(node, name).map(AttributeProto::getI).orElse(byDefault);
    }

    /** A float attribute widened to double (exactly), or its default. */
    static double real(NodeProto node, String name, double byDefault) {
        return find(node, name).map(a -> (double) a.getF()).orElse(byDefault);
    }

    /** A string attribute, or its default. */
    static String text(NodeProto node, String name, String byDefault) {
        return find(node, name).map(a -> a.getS().toStringUtf8()).orElse(byDefault);
    }

    /** How a node is named in messages: {@code node "/0/Gemm" (Gemm)}, or by its first output when unnamed. */
    static String describe(NodeProto node) {
        String name = node.getName().isEmpty() && node.getOutputCount() > 0 ? "→" + node.getOutput(0) : node.getName();
        return "node \"" + name + "\" (" + node.getOpType() + ")";
    }
}
