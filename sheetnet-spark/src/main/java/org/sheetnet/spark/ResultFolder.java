package org.sheetnet.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sheetnet.SheetnetException;
import org.sheetnet.sink.OutputPolicy;
import org.sheetnet.sink.SafeOutputFile;

/**
 * The folder a {@code spark-score} run writes: {@code predictions/} (written by Spark into a hidden
 * temporary folder beside it, then moved in place) and {@code audit.xlsx} (a {@link SafeOutputFile}).
 * An existing folder is refused without {@code --force}; with it, only those two are replaced, nothing
 * else in the folder is touched, and nothing is left half-written when the run fails.
 */
final class ResultFolder {

    private final Path dir;
    private final OutputPolicy policy;
    private final boolean created;
    private final Path temporary;
    private final SafeOutputFile audit;

    private ResultFolder(Path dir, OutputPolicy policy, boolean created) {
        this.dir = dir;
        this.policy = policy;
        this.created = created;
        this.temporary = dir.resolve("." + SparkScoreOptions.PREDICTIONS + "-" + Long.toHexString(System.nanoTime())
                + ".tmp");
        this.audit = new SafeOutputFile(dir.resolve(SparkScoreOptions.AUDIT), policy);
    }

    /**
     * Opens (makes) the result folder.
     *
     * @param inputs the model and input paths, which must not be the folder or lie in what it replaces
     * @throws SheetnetException (OUTPUT) if it exists without {@code force}, is a file, holds an input where the
     *                           predictions go, or cannot be made
     */
    static ResultFolder open(Path dir, boolean force, List<Path> inputs) {
        OutputPolicy policy = OutputPolicy.of(force);
        for (Path input : inputs) {
            policy = policy.protecting(input, "input");
            if (input.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize()
                    .resolve(SparkScoreOptions.PREDICTIONS))) {
                throw new SheetnetException(SheetnetException.Problem.OUTPUT, dir + ": its " + SparkScoreOptions.PREDICTIONS
                        + "/ holds the input " + input + ", which the run would replace; choose another --out");
            }
        }
        policy.requireNotInput(dir);
        boolean exists = Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
        if (exists && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT, dir + ": is a file; --out names a folder");
        }
        if (exists && !force) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT, dir + ": exists; choose another --out, or add"
                    + " --force to replace its " + SparkScoreOptions.PREDICTIONS + "/ and " + SparkScoreOptions.AUDIT
                    + " (nothing else in it is touched)");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT, dir + ": cannot be made: " + e.getMessage(), e);
        }
        return new ResultFolder(dir, policy, !exists);
    }

    /** Where Spark writes the predictions, a folder that does not exist yet. */
    Path predictionsTemporary() {
        return temporary;
    }

    /** The audit workbook's safe output. */
    SafeOutputFile audit() {
        return audit;
    }

    /** The folder. */
    Path path() {
        return dir;
    }

    /**
     * Puts the predictions in place (replacing earlier ones only with {@code --force}), then the audit.
     *
     * @throws SheetnetException (OUTPUT) if either cannot be put in place; the temporaries are removed then
     */
    void commit() {
        Path predictions = dir.resolve(SparkScoreOptions.PREDICTIONS);
        try {
            if (Files.exists(predictions, LinkOption.NOFOLLOW_LINKS)) {
                if (!policy.replace()) {
                    throw new SheetnetException(SheetnetException.Problem.OUTPUT, predictions + ": appeared during the"
                            + " run; nothing was replaced");
                }
                deleteTree(predictions);
            }
            Files.move(temporary, predictions, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            discard();
            throw new SheetnetException(SheetnetException.Problem.OUTPUT, predictions + ": cannot be written: "
                    + e.getMessage(), e);
        } catch (SheetnetException e) {
            discard();
            throw e;
        }
        audit.commit();
    }

    /** Removes what this run wrote and not yet put in place, and the folder if this run made it and it is empty. */
    void discard() {
        audit.discard();
        try {
            deleteTree(temporary);
            if (created) {
                try (Stream<Path> left = Files.list(dir)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(dir);
                    }
                }
            }
        } catch (IOException e) {
            // Already failing; the temporary's name says what it is.
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
