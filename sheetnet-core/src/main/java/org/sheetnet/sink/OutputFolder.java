package org.sheetnet.sink;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sheetnet.SheetnetException;

/**
 * A folder that receives several output files (the CSV files of a score run, a CSV parameter folder,
 * the examples). Only the files sheetnet writes are created or replaced, each through its own
 * {@link SafeOutputFile}; the folder itself and everything else in it are never moved or deleted.
 * The files are put in place together by {@link #commit}.
 */
public final class OutputFolder {

    private final Path folder;
    private final OutputPolicy policy;
    private final CreatedFolders created;
    private final List<SafeOutputFile> files = new ArrayList<>();

    private OutputFolder(Path folder, OutputPolicy policy, CreatedFolders created) {
        this.folder = folder;
        this.policy = policy;
        this.created = created;
    }

    /**
     * Opens a folder for output, making it (and its parents) if missing.
     *
     * @param folder the folder, as the user named it
     * @param policy the run's output policy
     * @throws SheetnetException (OUTPUT) if the folder is an input, a file, or cannot be made
     */
    public static OutputFolder open(Path folder, OutputPolicy policy) {
        policy.requireNotInput(folder);
        Path absolute = folder.toAbsolutePath();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(absolute)) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT, folder
                    + ": is a file, not a folder: choose another output name, or a name ending in .csv or .xlsx");
        }
        CreatedFolders created = CreatedFolders.create(absolute, folder);
        policy.noteLeftovers(absolute);
        return new OutputFolder(folder, policy, created);
    }

    /** The folder, as the user named it. */
    public Path path() {
        return folder;
    }

    /**
     * Reserves one file of the folder.
     *
     * @param name the file's name
     * @throws SheetnetException (OUTPUT) if the file is an input, a folder, or exists without {@code --force}
     */
    public SafeOutputFile file(String name) {
        SafeOutputFile file = new SafeOutputFile(folder.resolve(name), policy);
        files.add(file);
        return file;
    }

    /**
     * Puts every reserved file in place (see {@link SafeOutputFile#commitAll}).
     *
     * @throws SheetnetException (OUTPUT) if one cannot be; without --force none is then
     */
    public void commit() {
        commitAll(List.of(this));
    }

    /**
     * Puts every reserved file of several folders in place, together.
     *
     * @throws SheetnetException (OUTPUT) if one cannot be; without --force none is then
     */
    public static void commitAll(List<OutputFolder> folders) {
        List<SafeOutputFile> all = new ArrayList<>();
        folders.forEach(f -> all.addAll(f.files));
        try {
            SafeOutputFile.commitAll(all);
        } catch (SheetnetException e) {
            folders.forEach(f -> f.created.removeIfEmpty());
            throw e;
        }
        folders.forEach(f -> f.created.keep());
    }

    /** Removes every temporary, and the folder if sheetnet made it and it is empty; safe to repeat. */
    public void discard() {
        files.forEach(SafeOutputFile::discard);
        created.removeIfEmpty();
    }
}
