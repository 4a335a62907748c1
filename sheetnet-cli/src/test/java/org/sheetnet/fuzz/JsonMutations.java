package org.sheetnet.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON-level damage to a Keras architecture ({@code config.json} in a {@code .keras} zip, or the
 * {@code --config} file): numbers and strings replaced, members removed or doubled, values of
 * another type, deep nesting, huge shapes, a cut, and one very large string.
 */
final class JsonMutations {

    private static final Pattern NUMBER = Pattern.compile("(?<=[:\\[,\\s])-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?(?=[,\\]}\\s])");
    // Possessive runs: the plain alternation recursed once per character and overflowed the stack on a
    // long string (seed 2885 took the whole campaign JVM down).
    private static final Pattern STRING_VALUE = Pattern.compile("(?<=:\\s?)\"((?:[^\"\\\\]++|\\\\.)*+)\"");
    private static final Pattern MEMBER = Pattern.compile("\"(?:[^\"\\\\]++|\\\\.)*+\"\\s*:\\s*");
    private static final List<String> NUMBERS = List.of("0", "-1", "1e9", "2147483648", "70000", "1e309", "NaN", "-0",
            "1.5", "99999999999999999999", "null", "true", "\"3\"", "[]", "{}");

    private JsonMutations() {
    }

    static List<Mutation> all() {
        return List.of(
                new StructuralMutation("json-number", (s, r, h) -> edit(s, r, j -> number(j, r))),
                new StructuralMutation("json-string", (s, r, h) -> edit(s, r, j -> string(j, r, h))),
                new StructuralMutation("json-remove-member", (s, r, h) -> edit(s, r, j -> member(j, r, false))),
                new StructuralMutation("json-duplicate-member", (s, r, h) -> edit(s, r, j -> member(j, r, true))),
                new StructuralMutation("json-deep-nesting", (s, r, h) -> edit(s, r, j -> nest(j, r))),
                new StructuralMutation("json-huge-shape", (s, r, h) -> edit(s, r, j -> shape(j, r))),
                new StructuralMutation("json-truncate", (s, r, h) -> edit(s, r, j -> j.text = j.text.substring(0,
                        r.nextInt(Math.max(1, j.text.length()))))),
                new StructuralMutation("json-huge-string", JsonMutations::hugeString));
    }

    /** The JSON being edited, with what was done to it. */
    private static final class Json {
        String text;
        String done;
    }

    /** Applies an edit to the standalone JSON, or to config.json inside a {@code .keras} zip. */
    private static String edit(Subject s, Random random, Consumer<Json> edit) {
        RawZip.Entry entry = null;
        Json json = new Json();
        if (s.isText() && s.format == Subject.Format.JSON) {
            json.text = s.text;
        } else if (s.isZip()) {
            List<RawZip.Entry> configs = s.zip.named(".json");
            if (configs.isEmpty()) {
                return null;
            }
            entry = configs.stream().filter(e -> e.name.equals("config.json")).findFirst()
                    .orElse(Hostile.pick(random, configs));
            json.text = entry.text();
        } else {
            return null;
        }
        edit.accept(json);
        if (entry != null) {
            entry.text(json.text);
        } else {
            s.text = json.text;
        }
        return (json.done == null ? "cut" : json.done) + (entry != null ? " in " + entry.name : "");
    }

    private static void number(Json j, Random random) {
        replaceOne(j, NUMBER.matcher(j.text), random, 0, Hostile.pick(random, NUMBERS));
    }

    private static void string(Json j, Random random, Hostile hostile) {
        String value = random.nextInt(8) == 0 ? hostile.secretUri() : Hostile.pick(random, Hostile.TEXTS);
        replaceOne(j, STRING_VALUE.matcher(j.text), random, 1, value.replace("\\", "\\\\").replace("\"", "\\\""));
    }

    private static void replaceOne(Json j, Matcher m, Random random, int group, String value) {
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(group), m.end(group)});
        }
        if (spans.isEmpty()) {
            j.done = "nothing to replace";
            return;
        }
        int[] span = Hostile.pick(random, spans);
        j.done = "[" + XmlMutations.abbreviate(j.text.substring(span[0], span[1])) + "] -> ["
                + XmlMutations.abbreviate(value) + "]";
        j.text = j.text.substring(0, span[0]) + value + j.text.substring(span[1]);
    }

    private static void member(Json j, Random random, boolean duplicate) {
        Matcher m = MEMBER.matcher(j.text);
        List<Integer> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
        }
        if (starts.isEmpty()) {
            j.done = "no member";
            return;
        }
        int start = Hostile.pick(random, starts);
        Matcher one = MEMBER.matcher(j.text);
        one.find(start);
        int end = valueEnd(j.text, one.end());
        String member = j.text.substring(start, end);
        boolean comma = end < j.text.length() && j.text.charAt(end) == ',';
        String replacement = duplicate ? member + "," + member : "";
        j.text = j.text.substring(0, start) + replacement + j.text.substring(end + (!duplicate && comma ? 1 : 0));
        j.done = (duplicate ? "doubled " : "removed ") + XmlMutations.abbreviate(member);
    }

    /** Where the JSON value starting at {@code from} ends: strings, brackets and scalars. */
    static int valueEnd(String s, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (depth == 0) {
                    return i;
                }
                if (--depth == 0) {
                    return i + 1;
                }
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    private static void nest(Json j, Random random) {
        int depth = Hostile.logSize(random, 200_000);
        String deep = "[".repeat(depth) + "]".repeat(depth);
        replaceOne(j, NUMBER.matcher(j.text), random, 0, deep);
        j.done = depth + " nested arrays for a number";
    }

    private static void shape(Json j, Random random) {
        String[] shapes = {"[null, 70000]", "[null, 2147483647]", "[null, -1]", "[null, 0]", "[null, 70000, 70000]", "[]"};
        String shape = shapes[random.nextInt(shapes.length)];
        Matcher m = Pattern.compile("\"(batch_input_shape|batch_shape|units)\"\\s*:\\s*").matcher(j.text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.end(), valueEnd(j.text, m.end())});
        }
        if (spans.isEmpty()) {
            j.done = "no shape";
            return;
        }
        int[] span = Hostile.pick(random, spans);
        String value = j.text.substring(span[0], span[1]).startsWith("[") ? shape : String.valueOf(
                new long[] {70000, 0, -1, 2147483647L, 100000000}[random.nextInt(5)]);
        j.done = "[" + j.text.substring(span[0], span[1]) + "] -> [" + value + "]";
        j.text = j.text.substring(0, span[0]) + value + j.text.substring(span[1]);
    }

    private static String hugeString(Subject s, Random random, Hostile hostile) {
        if (!s.isZip()) {
            return null;
        }
        List<RawZip.Entry> configs = s.zip.named("config.json");
        if (configs.isEmpty()) {
            return null;
        }
        RawZip.Entry e = configs.get(0);
        String json = e.text();
        int at = json.indexOf('{');
        if (at < 0) {
            return null;
        }
        String head = "\"padding\": \"";
        e.text(json.substring(0, at + 1) + head + "\", " + json.substring(at + 1));
        long size = (8L + random.nextInt(300)) << 20;
        e.filler = new RawZip.Filler(at + 1 + head.length(), size, random.nextLong(), "abcdefghij klmnop");
        return (size >> 20) + " MB string in " + e.name;
    }
}
