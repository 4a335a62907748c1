package org.sheetnet.sink;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sheetnet.SheetnetException;

/**
 * Every temporary file and folder sheetnet has made and not yet committed or discarded, so that
 * one JVM shutdown hook removes them when the run is interrupted (Ctrl-C, {@code kill}). A leftover
 * of a run that could not run its hook (SIGKILL, power loss) is found by {@link Leftovers}.
 *
 * <p>This is process-wide state on purpose: a shutdown hook belongs to the process, not to a run.
 * Creation and registration happen under one lock with the hook, so that nothing is created after
 * the hook has cleaned up.
 */
final class Temporaries {

    private static final Object LOCK = new Object();
    private static final Set<Path> LIVE = new LinkedHashSet<>();
    private static final Set<Path> FOLDERS_IF_EMPTY = new LinkedHashSet<>();
    private static boolean hooked;
    private static boolean shuttingDown;

    private Temporaries() {
    }

    /** Creates a new empty file (permissions from the umask) and registers it; fails if it exists. */
    static Path createFile(Path path) throws IOException {
        return createAndRegister(path, Files::createFile, LIVE);
    }

    /** Creates a new empty folder (permissions from the umask) and registers it with all it will hold. */
    static Path createFolder(Path path) throws IOException {
        return createAndRegister(path, Files::createDirectory, LIVE);
    }

    /** Creates an output's missing parent folder; it is removed on interruption only if still empty. */
    static Path createParentFolder(Path path) throws IOException {
        return createAndRegister(path, Files::createDirectory, FOLDERS_IF_EMPTY);
    }

    /** Makes a file or folder at a path; fails if something is there. */
    private interface Creation {
        void create(Path path) throws IOException;
    }

    // Under the lock, so that a shutdown in between can neither miss the new path nor race its creation.
    private static Path createAndRegister(Path path, Creation creation, Set<Path> registry) throws IOException {
        synchronized (LOCK) {
            requireRunning(path);
            creation.create(path);
            registry.add(path);
            return path;
        }
    }

    /** Forgets a path: it was committed (moved into place) or deleted by its owner. */
    static void forget(Path path) {
        synchronized (LOCK) {
            LIVE.remove(path);
            FOLDERS_IF_EMPTY.remove(path);
        }
    }

    /** Whether a path is registered; for tests. */
    static boolean isLive(Path path) {
        synchronized (LOCK) {
            return LIVE.contains(path) || FOLDERS_IF_EMPTY.contains(path);
        }
    }

    /** Deletes a file, or a folder with everything in it. */
    static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (var children = Files.list(path)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    deleteTree(child);
                }
            } catch (NoSuchFileException e) {
                return;
            }
        }
        Files.deleteIfExists(path);
    }

    /** Deletes a folder if it is empty; a folder that holds anything is left alone. */
    static void deleteIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (DirectoryNotEmptyException e) {
            // Someone put something there: it stays.
        } catch (IOException e) {
            // Harmless: an empty folder.
        }
    }

    private static void requireRunning(Path path) {
        if (shuttingDown) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT,
                    path.getParent() + ": not written: sheetnet is being stopped");
        }
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(Temporaries::removeAll, "sheetnet-cleanup"));
            hooked = true;
        }
    }

    // Runs in the shutdown hook: the run may still be writing, so a folder is retried once it has been emptied.
    private static void removeAll() {
        List<Path> files;
        List<Path> folders;
        synchronized (LOCK) {
            shuttingDown = true;
            files = new ArrayList<>(LIVE);
            folders = new ArrayList<>(FOLDERS_IF_EMPTY);
            LIVE.clear();
            FOLDERS_IF_EMPTY.clear();
        }
        for (Path path : files) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    deleteTree(path);
                    break;
                } catch (IOException e) {
                    // A file appeared in a folder being emptied: try again.
                }
            }
        }
        for (int i = folders.size() - 1; i >= 0; i--) {
            deleteIfEmpty(folders.get(i));
        }
    }
}
