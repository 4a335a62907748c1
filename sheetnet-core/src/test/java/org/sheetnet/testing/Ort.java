package org.sheetnet.testing;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ONNX Runtime (the CPU build of {@code com.microsoft.onnxruntime:onnxruntime}) as the reference the
 * ONNX tests compare sheetnet with: runs a model file on rows of inputs and returns one output as rows.
 */
public final class Ort {

    /** Errors only: ORT warns on every fixture whose weights are also graph inputs (old tf2onnx files). */
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment(
            ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);

    private Ort() {
    }

    /**
     * Runs a model with one data input on rows. The rows are fed as one batch, shaped as the input declares
     * ([rows, d1, d2, …] in row-major order); when the batch is fixed at 1, one row per run; a rank-1 input
     * takes one row per run.
     *
     * @param model  the .onnx file
     * @param rows   the inputs, one array of d1·d2·… values per row
     * @param output the output to return, or null for the first
     * @return the output, one array per row (a ZipMap's sequence of maps in ascending key order)
     */
    public static double[][] run(Path model, double[][] rows, String output) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = ENV.createSession(model.toString(), options)) {
            Map.Entry<String, NodeInfo> in = session.getInputInfo().entrySet().iterator().next();
            TensorInfo info = (TensorInfo) in.getValue().getInfo();
            long[] shape = info.getShape();
            String name = output != null ? output : session.getOutputNames().iterator().next();
            boolean batch = shape.length > 1 && (shape[0] < 0 || shape[0] == rows.length);
            List<double[]> result = new ArrayList<>();
            if (batch) {
                long[] feed = shape.clone();
                feed[0] = rows.length;
                result.addAll(runOnce(session, in.getKey(), info.type, rows, feed, name));
            } else {
                for (double[] row : rows) {
                    result.addAll(runOnce(session, in.getKey(), info.type, new double[][] {row}, shape, name));
                }
            }
            return result.toArray(new double[0][]);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime: " + e.getMessage(), e);
        }
    }

    private static List<double[]> runOnce(OrtSession session, String input, OnnxJavaType type, double[][] rows,
            long[] shape, String output) throws OrtException {
        double[] flat = Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
        try (OnnxTensor tensor = tensor(type, flat, shape); OrtSession.Result result = session.run(Map.of(input, tensor))) {
            OnnxValue value = result.get(output).orElseThrow(() -> new IllegalStateException("no output " + output));
            if (value instanceof OnnxSequence sequence) {
                return maps(sequence);
            }
            double[] values = values((OnnxTensor) value);
            int width = values.length / rows.length;
            List<double[]> out = new ArrayList<>();
            for (int r = 0; r < rows.length; r++) {
                out.add(Arrays.copyOfRange(values, r * width, (r + 1) * width));
            }
            return out;
        }
    }

    private static OnnxTensor tensor(OnnxJavaType type, double[] flat, long[] shape) throws OrtException {
        switch (type) {
            case DOUBLE:
                return OnnxTensor.createTensor(ENV, DoubleBuffer.wrap(flat), shape);
            case FLOAT16: {
                ByteBuffer b = ByteBuffer.allocateDirect(flat.length * 2).order(ByteOrder.nativeOrder());
                for (double v : flat) {
                    b.putShort((short) HalfBits.of(v));
                }
                b.rewind();
                return OnnxTensor.createTensor(ENV, b, shape, OnnxJavaType.FLOAT16);
            }
            default: {
                float[] f = new float[flat.length];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) flat[i];
                }
                return OnnxTensor.createTensor(ENV, FloatBuffer.wrap(f), shape);
            }
        }
    }

    private static double[] values(OnnxTensor tensor) {
        if (tensor.getInfo().type == OnnxJavaType.DOUBLE) {
            DoubleBuffer d = tensor.getDoubleBuffer();
            double[] v = new double[d.remaining()];
            d.get(v);
            return v;
        }
        if (tensor.getInfo().type == OnnxJavaType.INT64) {
            java.nio.LongBuffer l = tensor.getLongBuffer();
            long[] v = new long[l.remaining()];
            l.get(v);
            return Arrays.stream(v).asDoubleStream().toArray();
        }
        FloatBuffer f = tensor.getFloatBuffer(); // float, and float16 widened by ONNX Runtime
        double[] v = new double[f.remaining()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.get(i);
        }
        return v;
    }

    private static List<double[]> maps(OnnxSequence sequence) throws OrtException {
        List<double[]> out = new ArrayList<>();
        for (OnnxValue element : sequence.getValue()) {
            Map<?, ?> map = ((OnnxMap) element).getValue();
            TreeMap<Long, Double> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(((Number) k).longValue(), ((Number) v).doubleValue()));
            out.add(sorted.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }

    /** The half-precision number nearest to a double, as 16 bits (written independently of sheetnet's). */
    static final class HalfBits {
        private HalfBits() {
        }

        static int of(double v) {
            return Float.floatToIntBits((float) v) == 0 ? 0 : fromFloat((float) v);
        }

        /** IEEE 754 binary32 → binary16, round to nearest even (inputs here are exactly representable). */
        private static int fromFloat(float f) {
            int bits = Float.floatToIntBits(f);
            int sign = (bits >>> 16) & 0x8000;
            int exp = ((bits >>> 23) & 0xff) - 127 + 15;
            int mant = bits & 0x7fffff;
            if (exp <= 0) {
                int shifted = (mant | 0x800000) >> (14 - exp);
                return sign | shifted;
            }
            if (exp >= 31) {
                return sign | 0x7c00;
            }
            return sign | (exp << 10) | (mant >> 13);
        }
    }
}
