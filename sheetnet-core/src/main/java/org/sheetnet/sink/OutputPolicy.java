package org.sheetnet.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.sheetnet.SheetnetException;

/**
 * The rules every output file of one run follows: whether it may replace an existing file
 * ({@code --force}), which files it must never be (the run's inputs, whatever {@code --force} says),
 * and where notes about leftovers of interrupted runs go. One policy serves one run.
 */
public final class OutputPolicy {

    /**
     * A file the run reads, which no output may be.
     *
     * @param path the file as given
     * @param role what it is, for messages: "model workbook", "--input file", …
     */
    public record Input(Path path, String role) {
    }

    private final boolean replace;
    private final List<Input> inputs;
    private final Consumer<String> notes;
    private final Set<Path> searched = new HashSet<>();

    private OutputPolicy(boolean replace, List<Input> inputs, Consumer<String> notes) {
        this.replace = replace;
        this.inputs = List.copyOf(inputs);
        this.notes = notes;
    }

    /**
     * A policy protecting no input, with notes printed on stderr.
     *
     * @param replace whether an existing output may be replaced ({@code --force})
     */
    public static OutputPolicy of(boolean replace) {
        return new OutputPolicy(replace, List.of(), note -> System.err.println("sheetnet: note: " + note));
    }

    /** This policy, also protecting {@code path}; a null path is ignored. */
    public OutputPolicy protecting(Path path, String role) {
        if (path == null) {
            return this;
        }
        List<Input> more = new ArrayList<>(inputs);
        more.add(new Input(path, role));
        return new OutputPolicy(replace, more, notes);
    }

    /** This policy, with notes sent to {@code notes} instead of stderr. */
    public OutputPolicy notingTo(Consumer<String> notes) {
        return new OutputPolicy(replace, inputs, notes);
    }

    /** Whether an existing output may be replaced. */
    public boolean replace() {
        return replace;
    }

    /** The files no output may be. */
    public List<Input> inputs() {
        return inputs;
    }

    /**
     * Refuses an output that is one of the inputs: the same path, or the same file reached through
     * {@code ..}, a symbolic link or a hard link (compared by the file system's file key).
     *
     * @param output the output file or folder, as given
     * @throws SheetnetException (OUTPUT) naming both, with or without {@code --force}
     */
    public void requireNotInput(Path output) {
        for (Input input : inputs) {
            if (sameFile(output, input.path())) {
                throw new SheetnetException(SheetnetException.Problem.OUTPUT, output + ": is the " + input.role()
                        + " " + input.path() + (output.equals(input.path()) ? "" : " (the same file)")
                        + "; sheetnet never writes over a file it reads, even with --force: choose another output name");
            }
        }
    }

    /** Names, once per folder and run, the temporaries that interrupted runs left there. */
    void noteLeftovers(Path folder) {
        if (searched.add(folder.toAbsolutePath().normalize())) {
            Leftovers.note(folder).ifPresent(notes);
        }
    }

    // The same text is the same file; otherwise the file system decides, following links and "..".
    private static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().equals(b.toAbsolutePath())) {
            return true;
        }
        if (!Files.exists(a) || !Files.exists(b)) {
            return false;
        }
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            // Cannot tell, so the safe answer: a file that cannot be compared is not written over.
            return true;
        }
    }
}
