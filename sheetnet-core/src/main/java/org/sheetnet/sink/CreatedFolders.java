package org.sheetnet.sink;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sheetnet.SheetnetException;

/**
 * The folders made for an output that did not exist before, so that a failed run removes them again
 * (if still empty) and leaves the disk as it found it. Made with {@link Files#createDirectory}, without
 * attributes, so they get the umask's permissions.
 */
final class CreatedFolders {

    private final List<Path> made;

    private CreatedFolders(List<Path> made) {
        this.made = made;
    }

    /**
     * Makes a folder and its missing parents.
     *
     * @param folder the folder, absolute
     * @param output the output it is made for, for messages
     * @throws SheetnetException (OUTPUT) if a folder cannot be made, or a file stands in its place
     */
    static CreatedFolders create(Path folder, Path output) {
        List<Path> missing = new ArrayList<>();
        for (Path p = folder; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        List<Path> made = new ArrayList<>();
        CreatedFolders created = new CreatedFolders(made);
        for (Path p : missing) {
            try {
                made.add(Temporaries.createParentFolder(p));
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) {
                    created.removeIfEmpty();
                    throw new SheetnetException(SheetnetException.Problem.OUTPUT, output + ": " + p
                            + " is a file, not a folder", e);
                }
            } catch (IOException e) {
                created.removeIfEmpty();
                throw new SheetnetException(SheetnetException.Problem.OUTPUT, output + ": cannot make the folder "
                        + p + ": " + OutputErrors.reason(e), e);
            }
        }
        return created;
    }

    /** Removes the folders made, deepest first, those left empty only. */
    void removeIfEmpty() {
        for (int i = made.size() - 1; i >= 0; i--) {
            Temporaries.deleteIfEmpty(made.get(i));
            Temporaries.forget(made.get(i));
        }
    }

    /** Keeps the folders: the output is in place. */
    void keep() {
        made.forEach(Temporaries::forget);
    }
}
