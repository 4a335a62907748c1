package org.sheetnet.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names of sheetnet's temporary files, and the search for those a killed run left behind.
 *
 * <p>A temporary is named {@code .<target>.sheetnet-<pid>.part} (the output being written) or
 * {@code .<target>.sheetnet-<pid>.scratch} (a folder of streamed sheets), with {@code -2}, {@code -3}, …
 * after the pid when one of that name exists. A leftover is one whose process is not running here.
 * Leftovers are named, never deleted: on a shared drive the pid may be a live run on another machine,
 * so sheetnet cannot prove that the file is abandoned.
 */
public final class Leftovers {

    /** The longest part of the target's name kept in a temporary's name (file names are limited to 255 bytes). */
    private static final int NAME_PART = 80;

    private static final Pattern TEMPORARY = Pattern.compile("\\..*\\.sheetnet-(\\d+)(?:-\\d+)?\\.(?:part|scratch)");

    /** Most leftovers listed by name in the note. */
    private static final int LISTED = 5;

    private Leftovers() {
    }

    /** The temporary's name for a target, {@code attempt} 1 for the first choice. */
    static String temporaryName(Path target, String kind, int attempt) {
        String name = target.getFileName().toString();
        if (name.length() > NAME_PART) {
            name = name.substring(0, NAME_PART);
        }
        return "." + name + ".sheetnet-" + ProcessHandle.current().pid() + (attempt > 1 ? "-" + attempt : "") + "." + kind;
    }

    /**
     * Finds the temporaries in a folder whose process is not running on this machine.
     *
     * @param folder the output folder; not modified
     * @return the leftovers, sorted by name; empty if the folder cannot be listed
     */
    public static List<Path> find(Path folder) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(p -> processOf(p).filter(pid -> !running(pid)).isPresent()).sorted().forEach(found::add);
        } catch (IOException | SecurityException e) {
            // An unreadable folder fails later, where the output is created, with a message of its own.
        }
        return found;
    }

    /** One line naming the leftovers, for stderr; empty when there are none. */
    public static Optional<String> note(Path folder) {
        List<Path> found = find(folder);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = found.stream().limit(LISTED).map(p -> p.getFileName().toString()).toList();
        String more = found.size() > LISTED ? " and " + (found.size() - LISTED) + " more" : "";
        return Optional.of(folder + ": " + (found.size() == 1 ? "a temporary file" : found.size() + " temporary files")
                + " left by an interrupted sheetnet run whose process has ended: " + String.join(", ", names) + more
                + "; sheetnet leaves " + (found.size() == 1 ? "it" : "them") + " alone, delete "
                + (found.size() == 1 ? "it" : "them") + " when no sheetnet run is writing to this folder");
    }

    /** The process id in a temporary's name, if the name is one of sheetnet's. */
    static Optional<Long> processOf(Path path) {
        Matcher m = TEMPORARY.matcher(path.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean running(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
