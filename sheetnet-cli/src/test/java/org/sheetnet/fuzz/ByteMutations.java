package org.sheetnet.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Byte-level damage to a whole file, or to the HDF5 weights inside a {@code .keras} zip: bits
 * flipped, bytes inserted or deleted, a cut, a range doubled, and little-endian integers set to
 * the sizes and offsets that overflow (HDF5 headers are full of them).
 */
final class ByteMutations {

    private static final long[] INTERESTING = {0xFFFFFFFFL, 0x7FFFFFFFL, 0x80000000L, 0, 1, 0xFFFFL, 70000,
        0xFFFFFFFFFFFFFFFFL, 0x7FFFFFFFFFFFFFFFL, 1L << 40};

    private ByteMutations() {
    }

    static List<Mutation> all() {
        return List.of(new Bytes("bytes-whole-file", true), new Bytes("bytes-in-h5-entry", false));
    }

    /** The edit itself, on any bytes. */
    static byte[] damage(byte[] bytes, Random random, StringBuilder done) {
        if (bytes.length == 0) {
            done.append("empty");
            return bytes;
        }
        // HDF5 keeps its superblock and object headers near the start: look there half of the time.
        int at = random.nextBoolean() ? random.nextInt(Math.min(bytes.length, 4096)) : random.nextInt(bytes.length);
        switch (random.nextInt(6)) {
            case 0 -> {
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    bytes[(at + random.nextInt(64)) % bytes.length] ^= (byte) (1 << random.nextInt(8));
                }
                done.append(flips).append(" bits flipped near ").append(at);
                return bytes;
            }
            case 1 -> {
                byte[] inserted = new byte[1 + random.nextInt(16)];
                random.nextBytes(inserted);
                done.append(inserted.length).append(" random bytes inserted at ").append(at);
                return concat(Arrays.copyOf(bytes, at), inserted, Arrays.copyOfRange(bytes, at, bytes.length));
            }
            case 2 -> {
                int end = Math.min(bytes.length, at + 1 + random.nextInt(64));
                done.append("bytes ").append(at).append("..").append(end).append(" deleted");
                return concat(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, end, bytes.length));
            }
            case 3 -> {
                done.append("cut to ").append(at).append(" bytes");
                return Arrays.copyOf(bytes, at);
            }
            case 4 -> {
                int end = Math.min(bytes.length, at + 1 + random.nextInt(256));
                done.append("bytes ").append(at).append("..").append(end).append(" doubled");
                return concat(Arrays.copyOf(bytes, end), Arrays.copyOfRange(bytes, at, bytes.length));
            }
            default -> {
                long value = INTERESTING[random.nextInt(INTERESTING.length)];
                int width = random.nextBoolean() ? 4 : 8;
                for (int i = 0; i < width && at + i < bytes.length; i++) {
                    bytes[at + i] = (byte) (value >>> (8 * i));
                }
                done.append(width).append("-byte integer ").append(Long.toUnsignedString(value)).append(" at ").append(at);
                return bytes;
            }
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** Damage to the serialised file, or to the {@code .h5} entry of a zip (structural then). */
    private record Bytes(String name, boolean wholeFile) implements Mutation {

        @Override
        public boolean byteLevel() {
            return wholeFile;
        }

        @Override
        public Optional<String> apply(Subject subject, Random random, Hostile hostile) {
            if (wholeFile || !subject.isZip()) {
                return Optional.empty();
            }
            List<RawZip.Entry> h5 = subject.zip.named(".h5");
            if (h5.isEmpty()) {
                return Optional.empty();
            }
            RawZip.Entry e = h5.get(0);
            StringBuilder done = new StringBuilder();
            e.data = damage(e.data, random, done);
            return Optional.of(name + ": " + done + " of " + e.name);
        }

        @Override
        public byte[] applyToBytes(byte[] bytes, Random random, StringBuilder description) {
            StringBuilder done = new StringBuilder();
            byte[] result = damage(bytes.clone(), random, done);
            description.append(name).append(": ").append(done);
            return result;
        }
    }
}
