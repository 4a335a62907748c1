package org.sheetnet.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sheetnet.SheetnetException;

/**
 * An output written to a temporary file beside its target and moved into place only when complete,
 * so that a failed or interrupted run never leaves a half-written file under the target's name.
 */
public final class SafeOutputFile {

    private final Path target;
    private final boolean replace;
    private final Path temporary;
    private final boolean folder;

    /**
     * Reserves a temporary file for a target.
     *
     * @param target  where the output will be
     * @param replace whether an existing target may be replaced ({@code --force})
     * @throws SheetnetException (OUTPUT) if the target exists and may not be replaced, or the folder is not writable
     */
    public SafeOutputFile(Path target, boolean replace) {
        this(target, replace, false);
    }

    /**
     * Reserves a temporary folder for a target folder (CSV output), moved into place when complete.
     *
     * @throws SheetnetException (OUTPUT) as for a file
     */
    public static SafeOutputFile folder(Path target, boolean replace) {
        return new SafeOutputFile(target, replace, true);
    }

    private SafeOutputFile(Path target, boolean replace, boolean folder) {
        this.target = target.toAbsolutePath().normalize();
        this.replace = replace;
        this.folder = folder;
        if (Files.exists(this.target) && !replace) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT,
                    target + ": already exists; give --force to replace it, or another --out");
        }
        Path dir = this.target.getParent();
        try {
            Files.createDirectories(dir);
            String prefix = "." + this.target.getFileName() + ".";
            this.temporary = folder ? Files.createTempDirectory(dir, prefix) : Files.createTempFile(dir, prefix, ".part");
        } catch (IOException e) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT,
                    target + ": cannot write in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The temporary file to write to. */
    public Path temporary() {
        return temporary;
    }

    /** The final location. */
    public Path target() {
        return target;
    }

    /** Moves the finished temporary file to the target. */
    public void commit() {
        try {
            if (folder) {
                moveFolder();
            } else if (replace) {
                moveReplacing();
            } else {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (FileAlreadyExistsException e) {
            discard();
            throw new SheetnetException(SheetnetException.Problem.OUTPUT,
                    target + ": was created by someone else while sheetnet ran; nothing was replaced", e);
        } catch (IOException e) {
            discard();
            throw new SheetnetException(SheetnetException.Problem.OUTPUT, target + ": cannot be written: " + e.getMessage(), e);
        }
    }

    private void moveReplacing() throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // A folder cannot replace another in one rename: the old one is moved aside first, then deleted.
    private void moveFolder() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old.");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Deletes the temporary file or folder; safe to call more than once. */
    public void discard() {
        try {
            deleteTree(temporary);
        } catch (IOException e) {
            // Nothing more can be done; the file has a hidden name and harms nothing.
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (var children = Files.list(path)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    deleteTree(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }
}
