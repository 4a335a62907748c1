package org.sheetnet.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.sheetnet.SheetnetException;
import org.sheetnet.sink.OutputPolicy;
import org.sheetnet.sink.SafeOutputFile;

/**
 * The folder a {@code spark-score} run writes, on any file system Spark writes to (a local folder, HDFS,
 * an object store): {@code predictions/}, written by Spark into a hidden temporary folder beside it and
 * renamed into place, and {@code audit.xlsx}. An existing folder is refused without {@code --force}; with
 * it, only those two are replaced, nothing else in the folder is touched, and a failed run leaves nothing
 * half-written. On the local file system the audit goes through core's {@link SafeOutputFile} (which never
 * follows a link planted in its place); elsewhere through a temporary file renamed into place.
 */
final class ResultFolder {

    private final FileSystem fs;
    private final Path dir;
    private final boolean force;
    private final boolean created;
    private final Path temporary;
    private final Path auditTemporary;
    private final SafeOutputFile localAudit;

    private ResultFolder(FileSystem fs, Path dir, boolean force, boolean created, OutputPolicy policy) {
        this.fs = fs;
        this.dir = dir;
        this.force = force;
        this.created = created;
        String stamp = Long.toHexString(System.nanoTime());
        this.temporary = new Path(dir, "." + SparkScoreOptions.PREDICTIONS + "-" + stamp + ".tmp");
        this.auditTemporary = new Path(dir, "." + SparkScoreOptions.AUDIT + "-" + stamp + ".tmp");
        this.localAudit = fs instanceof LocalFileSystem
                ? new SafeOutputFile(java.nio.file.Path.of(new Path(dir, SparkScoreOptions.AUDIT).toUri()), policy) : null;
    }

    /**
     * Opens (makes) the result folder.
     *
     * @param out    the folder, a path or URI
     * @param force  whether it may exist
     * @param inputs the input paths and the model, which must not be the folder or lie where the predictions go
     * @param conf   Spark's Hadoop configuration, which says what a path without a scheme means
     * @throws SheetnetException (OUTPUT) if it exists without {@code force}, is a file, holds an input where the
     *                           predictions go, or cannot be made
     */
    static ResultFolder open(String out, boolean force, List<String> inputs, Configuration conf) {
        try {
            Path dir = new Path(out);
            FileSystem fs = dir.getFileSystem(conf);
            dir = fs.makeQualified(dir);
            OutputPolicy policy = OutputPolicy.of(force);
            String predictions = new Path(dir, SparkScoreOptions.PREDICTIONS).toString();
            for (String input : inputs) {
                Path p = new Path(input);
                String qualified = p.getFileSystem(conf).makeQualified(p).toString();
                if (qualified.equals(dir.toString()) || qualified.equals(predictions)
                        || qualified.startsWith(predictions + "/")) {
                    throw new SheetnetException(SheetnetException.Problem.OUTPUT, out + ": holds the input " + input
                            + " where the run writes; choose another --out");
                }
                if (fs instanceof LocalFileSystem && "file".equals(p.toUri().getScheme() == null ? "file"
                        : p.getFileSystem(conf).getScheme())) {
                    policy = policy.protecting(java.nio.file.Path.of(p.getFileSystem(conf).makeQualified(p).toUri()),
                            "input");
                }
            }
            boolean exists = fs.exists(dir);
            if (exists && !fs.getFileStatus(dir).isDirectory()) {
                throw new SheetnetException(SheetnetException.Problem.OUTPUT, out + ": is a file; --out names a folder");
            }
            if (exists && !force) {
                throw new SheetnetException(SheetnetException.Problem.OUTPUT, out + ": exists; choose another --out, or"
                        + " add --force to replace its " + SparkScoreOptions.PREDICTIONS + "/ and "
                        + SparkScoreOptions.AUDIT + " (nothing else in it is touched)");
            }
            if (!exists && !fs.mkdirs(dir)) {
                throw new IOException("the file system refused to make it");
            }
            return new ResultFolder(fs, dir, force, !exists, policy);
        } catch (IOException e) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT, out + ": cannot be made: " + e.getMessage(), e);
        }
    }

    /** Where Spark writes the predictions, a folder that does not exist yet, as a qualified URI. */
    String predictionsTemporary() {
        return temporary.toString();
    }

    /** The folder, qualified. */
    String path() {
        return dir.toString();
    }

    /**
     * Writes the audit workbook to its temporary file (put in place by {@link #commit}).
     *
     * @throws SheetnetException (OUTPUT) if it cannot be written; the temporary is removed then
     */
    void writeAudit(SafeOutputFile.Content content) {
        try (OutputStream stream = localAudit != null ? localAudit.open() : fs.create(auditTemporary, false)) {
            content.writeTo(stream);
        } catch (IOException e) {
            discard();
            throw new SheetnetException(SheetnetException.Problem.OUTPUT, new Path(dir, SparkScoreOptions.AUDIT)
                    + ": cannot be written: " + e.getMessage(), e);
        }
    }

    /**
     * Puts the predictions in place (replacing earlier ones only with {@code --force}), then the audit.
     *
     * @throws SheetnetException (OUTPUT) if either cannot be put in place; the temporaries are removed then
     */
    void commit() {
        try {
            replace(temporary, new Path(dir, SparkScoreOptions.PREDICTIONS));
            if (localAudit != null) {
                localAudit.commit();
            } else {
                replace(auditTemporary, new Path(dir, SparkScoreOptions.AUDIT));
            }
        } catch (IOException e) {
            discard();
            throw new SheetnetException(SheetnetException.Problem.OUTPUT, dir + ": cannot be written: " + e.getMessage(), e);
        } catch (SheetnetException e) {
            discard();
            throw e;
        }
    }

    private void replace(Path from, Path to) throws IOException {
        if (fs.exists(to)) {
            if (!force) {
                throw new SheetnetException(SheetnetException.Problem.OUTPUT, to + ": appeared during the run; nothing"
                        + " was replaced");
            }
            fs.delete(to, true);
        }
        if (!fs.rename(from, to)) {
            throw new IOException("cannot rename " + from + " to " + to);
        }
    }

    /** Removes what this run wrote and not yet put in place, and the folder if this run made it and it is empty. */
    void discard() {
        if (localAudit != null) {
            localAudit.discard();
        }
        try {
            fs.delete(temporary, true);
            fs.delete(auditTemporary, false);
            if (created) {
                FileStatus[] left = fs.listStatus(dir);
                if (left.length == 0) {
                    fs.delete(dir, false);
                }
            }
        } catch (IOException e) {
            // Already failing; the temporaries' names say what they are.
        }
    }
}
