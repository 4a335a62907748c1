package org.sheetnet.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.sheetnet.SheetnetException;

/**
 * An output file written to a temporary file beside it and put in place only when complete, so that
 * a failed or interrupted run never leaves a half-written file under the output's name, and nothing
 * but the file it replaces is ever touched.
 *
 * <p>The temporary is made with {@link Files#createFile} without attributes, so the output gets the
 * permissions the umask gives any new file. It is registered with {@link Temporaries}, whose shutdown
 * hook removes it if the run is interrupted.
 *
 * <p>Without {@code --force} the finished file is published with a hard link, which fails if the
 * output exists: a file someone created meanwhile, or another run's output, is never replaced.
 * With {@code --force} it is renamed over the output in one atomic step.
 */
public final class SafeOutputFile {

    private final Path shown;
    private final Path target;
    private final boolean replace;
    private final CreatedFolders folders;
    private final Path temporary;
    private Path scratch;
    private boolean published;

    /**
     * Reserves a temporary file for an output, under a policy that protects nothing.
     *
     * @param target  where the output will be
     * @param replace whether an existing target may be replaced ({@code --force})
     * @throws SheetnetException (OUTPUT) if the target exists and may not be replaced, or the folder is not writable
     */
    public SafeOutputFile(Path target, boolean replace) {
        this(target, OutputPolicy.of(replace));
    }

    /**
     * Reserves a temporary file for an output.
     *
     * @param target where the output will be
     * @param policy whether it may replace a file, and which files it must never be
     * @throws SheetnetException (OUTPUT) if the target is an input, a folder, or exists and may not be
     *                           replaced, or if its folder cannot be written
     */
    public SafeOutputFile(Path target, OutputPolicy policy) {
        this.shown = target;
        // Not normalize()d: "link/../x" means what the file system makes of it, not what the text says.
        this.target = target.toAbsolutePath();
        this.replace = policy.replace();
        policy.requireNotInput(target);
        requireReplaceable(target, this.target, replace);
        Path dir = this.target.getParent();
        this.folders = CreatedFolders.create(dir, target);
        try {
            policy.noteLeftovers(dir);
            this.temporary = create(this.target, "part", false);
        } catch (IOException e) {
            folders.removeIfEmpty();
            throw new SheetnetException(SheetnetException.Problem.OUTPUT,
                    target + ": cannot write in " + dir + ": " + OutputErrors.reason(e), e);
        } catch (RuntimeException e) {
            folders.removeIfEmpty();
            throw e;
        }
    }

    private static void requireReplaceable(Path shown, Path target, boolean replace) {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT,
                    shown + ": is a folder; sheetnet replaces files only: choose another output name");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !replace) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT,
                    shown + ": already exists; give --force to replace it, or another --out");
        }
    }

    // The first free name of .<target>.sheetnet-<pid>[-n].<kind>; a name taken by anyone is skipped, never reused.
    private static Path create(Path target, String kind, boolean folder) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path path = target.resolveSibling(Leftovers.temporaryName(target, kind, attempt));
            try {
                return folder ? Temporaries.createFolder(path) : Temporaries.createFile(path);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 1000) {
                    throw e;
                }
            }
        }
    }

    /** The temporary file to write to. */
    public Path temporary() {
        return temporary;
    }

    /**
     * Opens the temporary file for writing. It is never followed if someone has put a symbolic link
     * in its place (in a folder others can write to), and never created again if it was deleted.
     *
     * @throws IOException if it cannot be opened
     */
    public OutputStream open() throws IOException {
        return Files.newOutputStream(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                LinkOption.NOFOLLOW_LINKS);
    }

    /** Writes a whole output to a stream; for {@link #write}. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes the whole output and puts it in place; on any failure the temporary is removed and nothing
     * is published.
     *
     * @param content writes the output's bytes
     * @throws SheetnetException (OUTPUT) naming the output if it cannot be written, or as {@link #commit}
     */
    public void write(Content content) {
        try (OutputStream stream = open()) {
            content.writeTo(stream);
        } catch (IOException e) {
            discard();
            throw OutputErrors.cannotWrite(shown, e);
        } catch (RuntimeException e) {
            discard();
            throw e;
        }
        commit();
    }

    /** The final location, absolute. */
    public Path target() {
        return target;
    }

    /** The output as the user named it, for messages. */
    public Path shown() {
        return shown;
    }

    /**
     * A folder beside the output for intermediate files (streamed sheets), removed with the temporary.
     *
     * @throws SheetnetException (OUTPUT) if it cannot be made
     */
    public Path scratchFolder() {
        if (scratch == null) {
            try {
                scratch = create(target, "scratch", true);
            } catch (IOException e) {
                throw OutputErrors.cannotWrite(shown, e);
            }
        }
        return scratch;
    }

    /**
     * Puts the finished temporary file in place of the output.
     *
     * @throws SheetnetException (OUTPUT) if the output appeared meanwhile (without --force) or cannot be
     *                           written; the temporary is removed then
     */
    public void commit() {
        commitAll(List.of(this));
    }

    /**
     * Puts several finished temporaries in place, all or (without {@code --force}) none: when one cannot
     * be published, those already published are taken back and every temporary is removed. With
     * {@code --force}, files already renamed over their outputs stay replaced.
     *
     * @throws SheetnetException (OUTPUT) as {@link #commit}
     */
    public static void commitAll(List<SafeOutputFile> files) {
        List<SafeOutputFile> done = new ArrayList<>();
        try {
            for (SafeOutputFile file : files) {
                file.publish();
                done.add(file);
            }
        } catch (SheetnetException e) {
            done.forEach(SafeOutputFile::takeBack);
            files.forEach(SafeOutputFile::discard);
            throw e;
        }
        files.forEach(SafeOutputFile::release);
    }

    private void publish() {
        try {
            if (replace) {
                moveReplacing();
            } else {
                link();
            }
            published = true;
        } catch (FileAlreadyExistsException e) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT, shown
                    + ": was created by someone else while sheetnet ran; it was left as it was, and sheetnet's"
                    + " output was not written: give --force to replace it, or another --out", e);
        } catch (IOException e) {
            throw OutputErrors.cannotWrite(shown, e);
        }
    }

    // link() fails if the target exists, atomically; where links are not supported (FAT, some network
    // drives) a rename without REPLACE_EXISTING checks first, which leaves a short race only there.
    private void link() throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temporary, target);
        }
    }

    private void moveReplacing() throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // Undoes a publish by hard link: the output is removed only while it is still our temporary's file.
    private void takeBack() {
        try {
            if (published && !replace && Files.exists(temporary) && Files.isSameFile(target, temporary)) {
                Files.delete(target);
            }
        } catch (IOException e) {
            // The output stays; it is complete, only its siblings are missing.
        }
    }

    // After publishing: the temporary's name (a second link to the output, when linked) and the scratch go.
    // Not removeQuietly: once published, only this one name goes; nothing here is deleted as a tree.
    private void release() {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // A second name of the finished output; harmless.
        }
        Temporaries.forget(temporary);
        dropScratch();
        folders.keep();
    }

    /** Deletes the temporary file and scratch folder, and folders made for the output if empty; safe to repeat. */
    public void discard() {
        removeQuietly(temporary);
        dropScratch();
        if (!published) {
            folders.removeIfEmpty();
        }
    }

    private void dropScratch() {
        if (scratch != null) {
            removeQuietly(scratch);
        }
    }

    // Deletes a temporary file or folder with all it holds, and forgets it.
    private static void removeQuietly(Path path) {
        try {
            Temporaries.deleteTree(path);
        } catch (IOException e) {
            // Nothing more can be done; the name is recognisable and Leftovers will name it.
        }
        Temporaries.forget(path);
    }
}
