package org.sheetnet.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzzer's oracle catches each broken promise: commands that misbehave on purpose, one way
 * each, and one that behaves, which must pass.
 */
class OracleTest {

    private static final Hostile HOSTILE = new Hostile("file:///nowhere/secret.txt", "http://127.0.0.1:9", "CANARY-42");

    @TempDir
    Path root;
    private Path in;
    private Path out;
    private Path input;
    private Path output;
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void setUp() throws IOException {
        in = Files.createDirectories(root.resolve("in"));
        out = Files.createDirectories(root.resolve("out"));
        input = Files.writeString(in.resolve("fuzzed.xlsx"), "input bytes");
        output = out.resolve("scored.xlsx");
        savedOut = System.out;
        savedErr = System.err;
        CommandRun.installCapture();
    }

    @AfterEach
    void restoreStreams() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    /** The kinds of broken promise the oracle sees in one run, from a fresh output folder and input. */
    private List<String> kinds(ToIntFunction<String[]> command) throws IOException {
        return kinds(command, List.of());
    }

    private List<String> kinds(ToIntFunction<String[]> command, List<String> damaged) throws IOException {
        FileTrees.delete(out);
        Files.createDirectories(out);
        write(input, "input bytes");
        Map<String, String> before = Oracle.snapshot(in);
        CommandRun run = CommandRun.run(command, List.of("score"), 2_000);
        return Oracle.check(run, in, before, out, "scored.xlsx", HOSTILE, 0, damaged).stream().map(Oracle.Violation::kind).toList();
    }

    @Test
    void aCommandThatKeepsEveryPromisePasses() throws IOException {
        assertEquals(List.of(), kinds(args -> write(output, "scored")), "success writing only its output");
        assertEquals(List.of(), kinds(args -> {
            System.err.println("sheetnet: fuzzed.xlsx: Inputs!C7: expected a number, found text \"n/a\"");
            return 4;
        }), "refusal with one line naming the file");
    }

    @Test
    void eachBrokenPromiseIsCaught() throws IOException {
        assertEquals(List.of("exit 1"), kinds(args -> {
            System.err.println("sheetnet: internal error: java.lang.NullPointerException");
            return 1;
        }), "internal error");
        assertEquals(List.of("escaped Main.run"), kinds(args -> {
            throw new OutOfMemoryError("Java heap space");
        }), "heap blow-up");
        assertEquals(List.of("message spans several lines"), kinds(args -> {
            System.err.println("sheetnet: fuzzed.xlsx: corrupt");
            System.err.println("\tat org.apache.poi.Something");
            return 5;
        }), "a second line");
        assertEquals(List.of("log output on stderr"), kinds(args -> {
            System.err.println("FATAL XMLHelper DOCTYPE is disallowed");
            return write(output, "scored");
        }), "a library's log line on success");
        assertEquals(List.of("message names no file"), kinds(args -> {
            System.err.println("sheetnet: no sheet named W2");
            return 3;
        }), "a message without the file");
        assertEquals(List.of("input changed"), kinds(args -> {
            write(input, "changed");
            return write(output, "scored");
        }), "input rewritten");
        assertEquals(List.of("left in the output folder on failure"), kinds(args -> {
            write(out.resolve(".scored.xlsx.part123"), "half");
            System.err.println("sheetnet: fuzzed.xlsx: corrupt");
            return 5;
        }), "temporary file left");
        assertEquals(List.of("secret file copied into an output"), kinds(args -> write(output, HOSTILE.canary())),
                "secret copied");
        assertEquals(List.of("damaged zip entry read without complaint"),
                kinds(args -> write(output, "scored"), List.of("xl/worksheets/sheet1.xml")), "wrong CRC accepted");
        assertEquals(List.of(), kinds(args -> {
            System.err.println("sheetnet: fuzzed.xlsx: xl/worksheets/sheet1.xml: CRC mismatch");
            return 5;
        }, List.of("xl/worksheets/sheet1.xml")), "wrong CRC refused");
        assertEquals(List.of("no answer in time"), kinds(args -> {
            while (true) {
                Thread.onSpinWait();
            }
        }), "hang");
    }

    private static int write(Path file, String text) {
        try {
            Files.writeString(file, text);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
