package org.sheetnet.format.onnx;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.sheetnet.SheetnetException;
import org.sheetnet.format.onnx.proto.Onnx.StringStringEntryProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto.DataType;

/**
 * A decoded tensor: its shape and its values as doubles (float16, float32 and integers widen to
 * double exactly), or as strings for string tensors (class labels).
 *
 * @param name    the tensor's name
 * @param dims    its shape
 * @param values  the values in row-major order; empty for a string tensor
 * @param strings the values of a string tensor, else empty
 * @param type    its element type
 */
record TensorData(String name, long[] dims, double[] values, List<String> strings, DataType type) {

    /** The most elements one tensor may hold: 2^28 (2 GiB as doubles). */
    static final long MAX_ELEMENTS = 1L << 28;

    /** Number of elements: the product of the dimensions (1 for a scalar). */
    int size() {
        return strings.isEmpty() ? values.length : strings.size();
    }

    /** Value i as a long, for shapes and integer labels. */
    long asLong(int i) {
        return (long) values[i];
    }

    /** The shape as text, e.g. {@code [784, 32]}. */
    String describeShape() {
        return java.util.Arrays.toString(dims);
    }

    /**
     * Decodes a tensor stored in a model (an initializer, a Constant's value) or in a {@code .pb} file.
     *
     * @param tensor the tensor
     * @param file   the model file, for messages and for the folder of external data; null for a stand-alone file
     * @param where  the file name used in messages
     * @throws SheetnetException (MODEL) if its type is not numeric or its data does not match its shape,
     *                           (FILE) if external data is missing or lies outside the model's folder
     */
    static TensorData decode(TensorProto tensor, Path folder, String where) {
        String name = tensor.getName();
        DataType type = DataType.forNumber(tensor.getDataType());
        long count = count(tensor, where);
        if (type == DataType.STRING) {
            if (tensor.getStringDataCount() != count) {
                throw mismatch(where, name, count, tensor.getStringDataCount());
            }
            List<String> strings = tensor.getStringDataList().stream().map(ByteString::toStringUtf8).toList();
            return new TensorData(name, dims(tensor), new double[0], strings, type);
        }
        int width = width(type, name, where);
        ByteString raw = tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL
                ? external(tensor, folder, where, count * width)
                : tensor.getRawData();
        double[] values = raw.isEmpty() && count > 0 ? typed(tensor, type, count, where) : fromRaw(raw, type, count, where, name);
        return new TensorData(name, dims(tensor), values, List.of(), type);
    }

    private static long[] dims(TensorProto tensor) {
        return tensor.getDimsList().stream().mapToLong(Long::longValue).toArray();
    }

    private static long count(TensorProto tensor, String where) {
        long count = 1;
        for (long d : tensor.getDimsList()) {
            if (d < 0 || (d > 0 && count > MAX_ELEMENTS / d)) {
                throw SheetnetException.model(where + ": tensor \"" + tensor.getName() + "\" has shape "
                        + tensor.getDimsList() + "; sheetnet reads tensors of at most " + MAX_ELEMENTS + " elements");
            }
            count *= d;
        }
        return count;
    }

    private static int width(DataType type, String name, String where) {
        if (type == null) {
            throw SheetnetException.model(where + ": tensor \"" + name + "\" has an unknown data type");
        }
        return switch (type) {
            case FLOAT, INT32, UINT32 -> 4;
            case DOUBLE, INT64, UINT64 -> 8;
            case FLOAT16, INT16, UINT16 -> 2;
            case INT8, UINT8, BOOL -> 1;
            default -> throw SheetnetException.model(where + ": tensor \"" + name + "\" is of type " + type
                    + "; sheetnet reads float, double, float16 and integer tensors");
        };
    }

    private static double[] typed(TensorProto t, DataType type, long count, String where) {
        double[] v = new double[(int) count];
        int n = switch (type) {
            case FLOAT -> t.getFloatDataCount();
            case DOUBLE -> t.getDoubleDataCount();
            case INT64 -> t.getInt64DataCount();
            case UINT64, UINT32 -> t.getUint64DataCount();
            default -> t.getInt32DataCount(); // int32, int16, int8, uint16, uint8, bool and float16 (as bits)
        };
        if (n != count) {
            throw mismatch(where, t.getName(), count, n);
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (type) {
                case FLOAT -> t.getFloatData(i);
                case DOUBLE -> t.getDoubleData(i);
                case INT64 -> t.getInt64Data(i);
                case UINT64, UINT32 -> t.getUint64Data(i);
                case FLOAT16 -> Half.toDouble(t.getInt32Data(i));
                default -> t.getInt32Data(i);
            };
        }
        return v;
    }

    private static double[] fromRaw(ByteString raw, DataType type, long count, String where, String name) {
        int width = width(type, name, where);
        if (raw.size() != count * width) {
            throw SheetnetException.model(where + ": tensor \"" + name + "\" holds " + raw.size() + " bytes of data, but its"
                    + " shape needs " + count * width);
        }
        ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[(int) count];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (type) {
                case FLOAT -> b.getFloat();
                case DOUBLE -> b.getDouble();
                case INT64, UINT64 -> b.getLong();
                case INT32 -> b.getInt();
                case UINT32 -> Integer.toUnsignedLong(b.getInt());
                case FLOAT16 -> Half.toDouble(b.getShort());
                case INT16 -> b.getShort();
                case UINT16 -> Short.toUnsignedInt(b.getShort());
                case INT8 -> b.get();
                default -> Byte.toUnsignedInt(b.get());
            };
        }
        return v;
    }

    /**
     * Reads external data: only from a regular file directly in the model's folder, named without a
     * path (no {@code ..}, no absolute path, no link leading out), within that file's length.
     */
    private static ByteString external(TensorProto tensor, Path folder, String where, long expected) {
        String location = null;
        long offset = 0;
        long length = -1;
        for (StringStringEntryProto e : tensor.getExternalDataList()) {
            switch (e.getKey()) {
                case "location" -> location = e.getValue();
                case "offset" -> offset = number(e.getValue(), tensor, where);
                case "length" -> length = number(e.getValue(), tensor, where);
                default -> { }
            }
        }
        String name = tensor.getName();
        if (folder == null || location == null || location.isEmpty()) {
            throw SheetnetException.model(where + ": tensor \"" + name + "\" is stored as external data but names no file");
        }
        Path file = sibling(folder, location, where, name);
        if (length < 0) {
            length = expected;
        }
        if (length != expected) {
            throw SheetnetException.model(where + ": tensor \"" + name + "\" has external length " + length
                    + ", but its shape needs " + expected + " bytes");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (offset < 0 || offset > size || length > size - offset) {
                throw SheetnetException.file(location + ": tensor \"" + name + "\" of " + where + " lies at bytes " + offset
                        + "+" + length + ", beyond the file's " + size + " bytes", null);
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) length);
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                // reads until full
            }
            buffer.flip();
            return ByteString.copyFrom(buffer);
        } catch (IOException e) {
            throw SheetnetException.file(location + ": cannot be read (external data of " + where + "): " + e.getMessage(), e);
        }
    }

    private static Path sibling(Path folder, String location, String where, String name) {
        Path named = Path.of(location);
        boolean plain = !named.isAbsolute() && named.getNameCount() == 1 && !location.contains("..")
                && !location.contains("/") && !location.contains("\\");
        if (!plain) {
            throw SheetnetException.model(where + ": tensor \"" + name + "\" names external data \"" + location
                    + "\"; sheetnet reads external data only from a file beside the model, named without a folder");
        }
        Path file = folder.resolve(location);
        if (!Files.isRegularFile(file)) {
            throw SheetnetException.file(where + ": tensor \"" + name + "\" is stored in \"" + location
                    + "\", which is not in " + folder, null);
        }
        try {
            if (Files.isSymbolicLink(file) && !file.toRealPath().getParent().equals(folder.toRealPath())) {
                throw SheetnetException.model(where + ": external data \"" + location + "\" is a link to a file outside the"
                        + " model's folder; sheetnet does not follow it");
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(file)) {
                throw SheetnetException.file(where + ": external data \"" + location + "\" is not a regular file", null);
            }
        } catch (IOException e) {
            throw SheetnetException.file(location + ": cannot be read: " + e.getMessage(), e);
        }
        return file;
    }

    private static long number(String text, TensorProto tensor, String where) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw SheetnetException.model(where + ": tensor \"" + tensor.getName() + "\" has external data field \""
                    + text + "\", which is not a whole number");
        }
    }

    private static SheetnetException mismatch(String where, String name, long count, long found) {
        return SheetnetException.model(String.format(Locale.ROOT, "%s: tensor \"%s\" holds %d values, but its shape"
                + " needs %d", where, name, found, count));
    }
}
