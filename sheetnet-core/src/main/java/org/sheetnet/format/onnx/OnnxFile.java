package org.sheetnet.format.onnx;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.sheetnet.SheetnetException;
import org.sheetnet.files.Sha256;
import org.sheetnet.format.onnx.proto.Onnx.ModelProto;
import org.sheetnet.format.onnx.proto.Onnx.OperatorSetIdProto;

/**
 * An ONNX model file, parsed within limits: at most {@link #MAX_BYTES} bytes (larger weights must be
 * stored as external data, as ONNX itself requires beyond 2 GB), messages nested at most
 * {@link #MAX_NESTING} deep.
 *
 * @param path     the file
 * @param name     its file name, for messages
 * @param proto    the parsed model
 * @param sha256   the SHA-256 of the bytes parsed
 */
record OnnxFile(Path path, String name, ModelProto proto, String sha256) {

    /** The largest model file read: 1 GiB. */
    static final long MAX_BYTES = 1L << 30;

    /**
     * The deepest nesting of messages accepted. A dense chain needs about 12 (model, graph, node,
     * attribute, tensor; a ZipMap output's sequence-of-map type); protobuf's default is 100.
     */
    static final int MAX_NESTING = 32;

    /**
     * Reads and parses a model file.
     *
     * @throws SheetnetException (FILE) if it is missing, too large, unreadable or not an ONNX protobuf message
     */
    static OnnxFile read(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        byte[] bytes = readBounded(path, name, MAX_BYTES, "model file");
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        in.setRecursionLimit(MAX_NESTING);
        in.setSizeLimit(bytes.length);
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(in);
        } catch (IOException e) {
            throw SheetnetException.file(name + ": not an ONNX model file (the protobuf message cannot be parsed: "
                    + e.getMessage() + ")", e);
        }
        if (!proto.hasGraph() || proto.getIrVersion() <= 0) {
            throw SheetnetException.file(name + ": not an ONNX model file (no ir_version or no graph)", null);
        }
        return new OnnxFile(path, name, proto, HexFormat.of().formatHex(Sha256.digest().digest(bytes)));
    }

    /** The folder external data files must lie in: the model's own. */
    Path folder() {
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /** The version of the default (ai.onnx) operator set the model imports, or 1 when it names none. */
    long opset() {
        for (OperatorSetIdProto set : proto.getOpsetImportList()) {
            if (set.getDomain().isEmpty() || "ai.onnx".equals(set.getDomain())) {
                return set.getVersion();
            }
        }
        return 1;
    }

    /** The producer as the file states it, e.g. {@code pytorch 2.1.0}, or "(not recorded)". */
    String producer() {
        String p = (proto.getProducerName() + " " + proto.getProducerVersion()).trim();
        return p.isEmpty() ? "(not recorded)" : p;
    }

    /** One line for summaries: {@code model.onnx (pytorch 2.1.0, IR 7, opset 14)}. */
    String describe() {
        return name + " (" + producer() + ", IR " + proto.getIrVersion() + ", opset " + opset() + ")";
    }

    /** Reads a whole regular file of at most {@code limit} bytes, refusing a larger one before reading. */
    static byte[] readBounded(Path path, String name, long limit, String what) {
        try {
            if (!Files.isRegularFile(path)) {
                throw SheetnetException.file(name + ": no such " + what, null);
            }
            long size = Files.size(path);
            if (size > limit) {
                throw SheetnetException.file(name + ": " + size + " bytes; sheetnet reads " + what + "s of at most "
                        + limit + " bytes", null);
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw SheetnetException.file(name + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
