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

    /**
     * Reserves a temporary file for a target.
     *
     * @param target  where the output will be
     * @param replace whether an existing target may be replaced ({@code --force})
     * @throws SheetnetException (OUTPUT) if the target exists and may not be replaced, or the folder is not writable
     */
    public SafeOutputFile(Path target, boolean replace) {
        this.target = target.toAbsolutePath().normalize();
        this.replace = replace;
        if (Files.exists(this.target) && !replace) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT,
                    target + ": already exists; give --force to replace it, or another --out");
        }
        Path dir = this.target.getParent();
        try {
            Files.createDirectories(dir);
            this.temporary = Files.createTempFile(dir, "." + this.target.getFileName() + ".", ".part");
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
            if (replace) {
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

    /** Deletes the temporary file; safe to call more than once. */
    public void discard() {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // Nothing more can be done; the file has a hidden .part name and harms nothing.
        }
    }
}
