package org.sheetnet.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts sheetnet's command line in a separate JVM, for what one JVM cannot test: the working folder, signals. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Starts {@code sheetnet args…}.
     *
     * @param workingFolder the child's current folder
     * @param stdout        where its stdout goes
     * @param stderr        where its stderr goes
     */
    public static Process start(Path workingFolder, Path stdout, Path stderr, String... args) throws IOException {
        return start(List.of(), workingFolder, stdout, stderr, args);
    }

    /** As {@link #start(Path, Path, Path, String...)}, with a shell command line run first ({@code ulimit …}). */
    public static Process start(List<String> shellPrefix, Path workingFolder, Path stdout, Path stderr, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:-UsePerfData");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.sheetnet.cli.Main");
        command.addAll(List.of(args));
        if (!shellPrefix.isEmpty()) {
            StringBuilder line = new StringBuilder(String.join(" ", shellPrefix)).append("; exec");
            for (String word : command) {
                line.append(" '").append(word.replace("'", "'\\''")).append('\'');
            }
            command = List.of("/bin/sh", "-c", line.toString());
        }
        return new ProcessBuilder(command).directory(workingFolder.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }
}
