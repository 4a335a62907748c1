package org.sheetnet.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folder operations of the fuzzer's scratch space: delete, copy (skipping huge files), write. */
final class FileTrees {

    /** Files larger than this are not kept in reproducers: replaying the seed rewrites them. */
    static final long LARGEST_KEPT = 20L << 20;

    private FileTrees() {
    }

    /** Deletes a folder and everything under it, if it exists. */
    static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder; a file over {@link #LARGEST_KEPT} leaves a marker named after it instead. */
    static void copy(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.size(p) > LARGEST_KEPT) {
                    Files.writeString(target.resolveSibling(target.getFileName() + ".too-large-replay-the-seed"), "");
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text to a file, creating its folder. */
    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
