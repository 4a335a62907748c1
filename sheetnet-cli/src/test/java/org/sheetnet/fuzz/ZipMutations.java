package org.sheetnet.fuzz;

import java.util.List;
import java.util.Random;

/** Zip-level damage: entries dropped, duplicated, renamed; payloads flipped; headers that lie; cuts. */
final class ZipMutations {

    private ZipMutations() {
    }

    static List<Mutation> all() {
        return List.of(
                new StructuralMutation("zip-drop", ZipMutations::drop),
                new StructuralMutation("zip-duplicate", ZipMutations::duplicate),
                new StructuralMutation("zip-rename", ZipMutations::rename),
                new StructuralMutation("zip-truncate", ZipMutations::truncate),
                new StructuralMutation("zip-flip-payload", ZipMutations::flipPayload),
                new StructuralMutation("zip-declared-size", ZipMutations::declaredSize),
                new StructuralMutation("zip-crc", ZipMutations::crc));
    }

    private static RawZip.Entry anyEntry(Subject s, Random random) {
        return s.zip.entries.isEmpty() ? null : Hostile.pick(random, s.zip.entries);
    }

    private static String drop(Subject s, Random random, Hostile hostile) {
        RawZip.Entry e = anyEntry(s, random);
        if (e == null) {
            return null;
        }
        s.zip.entries.remove(e);
        return e.name;
    }

    private static String duplicate(Subject s, Random random, Hostile hostile) {
        RawZip.Entry e = anyEntry(s, random);
        if (e == null) {
            return null;
        }
        RawZip.Entry twin = e.copy();
        // The second copy differs, so a reader that takes "the" entry cannot be right by luck.
        if (twin.data.length > 0) {
            twin.data[random.nextInt(twin.data.length)] ^= 0x01;
        }
        s.zip.entries.add(random.nextInt(s.zip.entries.size() + 1), twin);
        return e.name + " twice, the copies differing in one byte";
    }

    private static String rename(Subject s, Random random, Hostile hostile) {
        RawZip.Entry e = anyEntry(s, random);
        if (e == null) {
            return null;
        }
        String old = e.name;
        e.name = switch (random.nextInt(6)) {
            case 0 -> old.toUpperCase(java.util.Locale.ROOT);
            case 1 -> old + "x";
            case 2 -> "../" + old;
            case 3 -> "/" + old;
            case 4 -> old.replace('/', '\\');
            default -> Hostile.pick(random, s.zip.entries).name;
        };
        return old + " -> " + e.name;
    }

    private static String truncate(Subject s, Random random, Hostile hostile) {
        int length = s.zip.write().length;
        s.zip.truncateTo = random.nextInt(Math.max(1, length));
        return "archive cut to " + s.zip.truncateTo + " of " + length + " bytes";
    }

    private static String flipPayload(Subject s, Random random, Hostile hostile) {
        RawZip.Entry e = anyEntry(s, random);
        if (e == null) {
            return null;
        }
        e.deflated = random.nextBoolean();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            e.payloadFlips.add(new int[] {random.nextInt(Integer.MAX_VALUE), 1 << random.nextInt(8)});
        }
        return flips + " bits flipped in " + (e.deflated ? "deflated" : "stored") + " " + e.name;
    }

    private static String declaredSize(Subject s, Random random, Hostile hostile) {
        RawZip.Entry e = anyEntry(s, random);
        if (e == null) {
            return null;
        }
        long[] sizes = {0xFFFFFFFFL, 0x7FFFFFFFL, 0x80000000L, 0, 1, e.data.length + 1L, Math.max(0, e.data.length - 1L)};
        e.declaredSize = sizes[random.nextInt(sizes.length)];
        return e.name + " declares " + e.declaredSize + " bytes, holds " + e.data.length;
    }

    private static String crc(Subject s, Random random, Hostile hostile) {
        RawZip.Entry e = anyEntry(s, random);
        if (e == null) {
            return null;
        }
        e.crcLie = 1 + random.nextInt(1 << 20);
        e.deflated = random.nextBoolean();
        return "wrong CRC on " + (e.deflated ? "deflated " : "stored ") + e.name;
    }
}
