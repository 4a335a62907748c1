package org.sheetnet.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What every command must do with any file, however damaged: exit 0 or with a documented code
 * other than 1 (internal error); write nothing on stderr but lines starting with "sheetnet: ",
 * and on failure exactly one that is not a warning or note, naming the file; throw nothing out of
 * {@code Main.run} (no OutOfMemoryError, no StackOverflowError); finish in time; leave every
 * input byte-identical and nothing beside it; leave in the output folder the requested output
 * when it succeeds and nothing at all when it fails; never copy the secret file out or connect
 * to the network; never succeed on a zip entry it must read whose CRC does not match.
 */
final class Oracle {

    /** Exit codes a command may end with on any input: success and the documented problems, not 1. */
    static final Set<Integer> ALLOWED_EXITS = Set.of(0, 3, 4, 5, 6, 7);

    /** One broken promise: its kind (the first part of its group) and what was seen. */
    record Violation(String kind, String detail) {
    }

    private Oracle() {
    }

    /** The files under a folder, by relative path, with their SHA-256. */
    static Map<String, String> snapshot(Path folder) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(folder)) {
            return files;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(f).toString(), sha256(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Every promise the run broke. */
    static List<Violation> check(CommandRun run, Path in, Map<String, String> inputsBefore, Path out,
            String outputName, Hostile hostile, int connections, List<String> damagedMustRead) {
        List<Violation> violations = new ArrayList<>();
        if (run.hung()) {
            violations.add(new Violation("no answer in time", "stopped after " + run.millis() + " ms"));
            return violations;
        }
        if (run.escaped() != null) {
            violations.add(new Violation("escaped Main.run", run.escaped().toString()));
        } else if (!ALLOWED_EXITS.contains(run.exit())) {
            violations.add(new Violation("exit " + run.exit(), firstLine(run.stderr())));
        }
        if (run.escaped() == null && run.exit() == 0 && !damagedMustRead.isEmpty()) {
            violations.add(new Violation("damaged zip entry read without complaint", String.join(", ", damagedMustRead)));
        }
        checkStderr(run, in, outputName, violations);
        checkInputs(in, inputsBefore, violations);
        checkOutputs(run, out, outputName, violations);
        checkSecrets(run, out, hostile, connections, violations);
        return violations;
    }

    private static void checkStderr(CommandRun run, Path in, String outputName, List<Violation> violations) {
        if (run.escaped() != null) {
            return;
        }
        List<String> lines = run.stderr().lines().toList();
        int first = 0;
        while (first < lines.size() && !lines.get(first).startsWith("sheetnet: ")) {
            first++;
        }
        // Lines before sheetnet's own come from a library's logger; lines after it continue its message.
        if (first > 0) {
            violations.add(new Violation("log output on stderr", lines.get(0)));
        }
        lines.stream().skip(first).filter(l -> !l.startsWith("sheetnet: ")).findFirst()
                .ifPresent(l -> violations.add(new Violation("message spans several lines", l)));
        if (run.exit() == 0) {
            return;
        }
        List<String> errors = lines.stream().filter(l -> l.startsWith("sheetnet: ")
                && !l.startsWith("sheetnet: warning:") && !l.startsWith("sheetnet: note:")).toList();
        if (errors.size() != 1) {
            violations.add(new Violation("failure without exactly one error line",
                    errors.size() + " error lines: " + String.join(" | ", errors)));
        } else if (run.exit() != 1 && !namesAFile(errors.get(0), in, outputName)) {
            violations.add(new Violation("message names no file", errors.get(0)));
        }
    }

    private static boolean namesAFile(String message, Path in, String outputName) {
        List<String> names = new ArrayList<>(snapshot(in).keySet().stream()
                .map(p -> Path.of(p).getFileName().toString()).toList());
        names.add("csvmodel");
        if (outputName != null) {
            names.add(outputName);
        }
        return names.stream().anyMatch(message::contains);
    }

    private static void checkInputs(Path in, Map<String, String> before, List<Violation> violations) {
        Map<String, String> after = snapshot(in);
        for (Map.Entry<String, String> file : before.entrySet()) {
            if (!file.getValue().equals(after.get(file.getKey()))) {
                violations.add(new Violation("input changed", file.getKey()));
            }
        }
        after.keySet().stream().filter(f -> !before.containsKey(f)).findFirst()
                .ifPresent(f -> violations.add(new Violation("file created beside the inputs", pattern(f))));
    }

    private static void checkOutputs(CommandRun run, Path out, String outputName, List<Violation> violations) {
        List<String> present = listAll(out);
        boolean success = run.escaped() == null && run.exit() == 0;
        for (String name : present) {
            if (!(success && name.equals(outputName))) {
                violations.add(new Violation(success ? "left in the output folder" : "left in the output folder on failure",
                        pattern(name)));
            }
        }
        if (success && outputName != null && !present.contains(outputName)) {
            violations.add(new Violation("success without its output", outputName));
        }
    }

    private static void checkSecrets(CommandRun run, Path out, Hostile hostile, int connections,
            List<Violation> violations) {
        if (connections > 0) {
            violations.add(new Violation("connected to the network", connections + " connection(s) to " + hostile.listenerUrl()));
        }
        if (run.stderr().contains(hostile.canary())) {
            violations.add(new Violation("secret file copied into a message", firstLine(run.stderr())));
        }
        for (String name : listAll(out)) {
            if (contains(out.resolve(name), hostile.canary())) {
                violations.add(new Violation("secret file copied into an output", name));
            }
        }
    }

    /** Whether a file, or any entry of it when it is a zip, holds the text; reads at most 64 MB. */
    private static boolean contains(Path file, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] head = raw.readNBytes(4);
            if (head.length == 4 && head[0] == 'P' && head[1] == 'K') {
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                    for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                        if (indexOf(zip.readNBytes(64 << 20), needle) >= 0) {
                            return true;
                        }
                    }
                }
                return false;
            }
            try (InputStream in = Files.newInputStream(file)) {
                return indexOf(in.readNBytes(64 << 20), needle) >= 0;
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        return new String(hay, StandardCharsets.ISO_8859_1).indexOf(new String(needle, StandardCharsets.ISO_8859_1));
    }

    private static List<String> listAll(Path folder) {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> !p.equals(folder)).map(p -> folder.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file name with its digits and random parts folded, so that leftovers group by kind. */
    static String pattern(String name) {
        return name.replaceAll("[0-9]+", "#").replaceAll("[A-Za-z0-9_-]{12,}", "*");
    }

    static String firstLine(String text) {
        return text.lines().findFirst().orElse("(nothing on stderr)");
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
