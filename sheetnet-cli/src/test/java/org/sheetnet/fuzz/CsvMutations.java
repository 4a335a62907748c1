package org.sheetnet.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * CSV-level damage: quotes that never close, other separators, byte-order marks, long fields,
 * hostile numbers, lines doubled or dropped, a header naming a column twice, ragged rows, other
 * line ends, control characters, and a very long unclosed field.
 */
final class CsvMutations {

    private CsvMutations() {
    }

    static List<Mutation> all() {
        return List.of(
                new StructuralMutation("csv-quote", (s, r, h) -> field(s, r, f -> "\"" + f)),
                new StructuralMutation("csv-quoted-newline", (s, r, h) -> field(s, r, f -> "\"" + f + "\n" + f + "\"")),
                new StructuralMutation("csv-separator", CsvMutations::separator),
                new StructuralMutation("csv-bom", CsvMutations::bom),
                new StructuralMutation("csv-long-field", (s, r, h) -> field(s, r, f -> "9".repeat(Hostile.logSize(r, 2_000_000)))),
                new StructuralMutation("csv-number", (s, r, h) -> field(s, r, f -> Hostile.pick(r, Hostile.NUMBERS))),
                new StructuralMutation("csv-text", (s, r, h) -> field(s, r, f -> Hostile.pick(r, Hostile.TEXTS))),
                new StructuralMutation("csv-line", CsvMutations::line),
                new StructuralMutation("csv-header-twice", CsvMutations::headerTwice),
                new StructuralMutation("csv-ragged", CsvMutations::ragged),
                new StructuralMutation("csv-line-ends", CsvMutations::lineEnds),
                new StructuralMutation("csv-unclosed-huge", CsvMutations::unclosedHuge));
    }

    private static List<String> lines(Subject s) {
        return new ArrayList<>(Arrays.asList(s.text.split("\n", -1)));
    }

    private static String field(Subject s, Random random, java.util.function.UnaryOperator<String> change) {
        if (s.format != Subject.Format.CSV) {
            return null;
        }
        List<String> lines = lines(s);
        int row = random.nextInt(lines.size());
        List<String> fields = new ArrayList<>(Arrays.asList(lines.get(row).split(",", -1)));
        int column = random.nextInt(fields.size());
        String old = fields.get(column);
        fields.set(column, change.apply(old));
        lines.set(row, String.join(",", fields));
        s.text = String.join("\n", lines);
        return "line " + (row + 1) + " field " + (column + 1) + ": [" + XmlMutations.abbreviate(old) + "] -> ["
                + XmlMutations.abbreviate(fields.get(column)) + "]";
    }

    private static String separator(Subject s, Random random, Hostile hostile) {
        if (s.format != Subject.Format.CSV) {
            return null;
        }
        List<String> lines = lines(s);
        int row = random.nextInt(lines.size());
        String separator = new String[] {";", "\t", "|", ", "}[random.nextInt(4)];
        lines.set(row, lines.get(row).replace(",", separator));
        s.text = String.join("\n", lines);
        return "line " + (row + 1) + " separated by [" + separator + "]";
    }

    private static String bom(Subject s, Random random, Hostile hostile) {
        if (s.format != Subject.Format.CSV) {
            return null;
        }
        String[] marks = {"\uFEFF", "\uFEFF\uFEFF", "\uFFFE", "\u0000"};
        String mark = marks[random.nextInt(marks.length)];
        s.text = mark + s.text;
        return "starts with U+" + String.format("%04X", (int) mark.charAt(0));
    }

    private static String line(Subject s, Random random, Hostile hostile) {
        if (s.format != Subject.Format.CSV) {
            return null;
        }
        List<String> lines = lines(s);
        int row = random.nextInt(lines.size());
        boolean duplicate = random.nextBoolean();
        if (duplicate) {
            lines.add(row, lines.get(row));
        } else {
            lines.remove(row);
        }
        s.text = String.join("\n", lines);
        return (duplicate ? "doubled" : "removed") + " line " + (row + 1);
    }

    private static String headerTwice(Subject s, Random random, Hostile hostile) {
        if (s.format != Subject.Format.CSV) {
            return null;
        }
        List<String> lines = lines(s);
        String[] header = lines.get(0).split(",", -1);
        String twice = header[random.nextInt(header.length)];
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                String[] fields = lines.get(i).split(",", -1);
                lines.set(i, lines.get(i) + "," + (i == 0 ? twice : fields[fields.length - 1]));
            }
        }
        s.text = String.join("\n", lines);
        return "header names [" + twice + "] twice";
    }

    private static String ragged(Subject s, Random random, Hostile hostile) {
        if (s.format != Subject.Format.CSV) {
            return null;
        }
        List<String> lines = lines(s);
        int row = random.nextInt(lines.size());
        String line = lines.get(row);
        boolean longer = random.nextBoolean() || !line.contains(",");
        lines.set(row, longer ? line + ",1" : line.substring(0, line.lastIndexOf(',')));
        s.text = String.join("\n", lines);
        return "line " + (row + 1) + (longer ? " one field longer" : " one field shorter");
    }

    private static String lineEnds(Subject s, Random random, Hostile hostile) {
        if (s.format != Subject.Format.CSV) {
            return null;
        }
        String[] ends = {"\r\n", "\r", "\n\n", "\n \n", "\u2028"};
        String end = ends[random.nextInt(ends.length)];
        s.text = s.text.replace("\n", end);
        return "line ends [" + XmlMutations.abbreviate(end) + "]";
    }

    private static String unclosedHuge(Subject s, Random random, Hostile hostile) {
        if (s.format != Subject.Format.CSV) {
            return null;
        }
        long size = (8L + random.nextInt(120)) << 20;
        s.text = s.text + (s.text.endsWith("\n") ? "" : "\n") + "\"";
        s.tailFiller = new RawZip.Filler(0, size, random.nextLong(), "abcdefghij klmnop,\n");
        return "a quote that never closes, then " + (size >> 20) + " MB";
    }
}
