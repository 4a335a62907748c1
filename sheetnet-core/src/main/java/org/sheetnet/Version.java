package org.sheetnet;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's name, version and commit, from the jar's manifest and the build's git.properties. */
public final class Version {

    private Version() {
    }

    /** {@code sheetnet 0.1.0}, or {@code sheetnet (development build)} when run from classes. */
    public static String describe() {
        String v = Version.class.getPackage().getImplementationVersion();
        return "sheetnet " + (v == null ? "(development build)" : v);
    }

    /** The git commit the build was made from, with "+ changes" when the tree was not clean; or "unknown". */
    public static String commit() {
        try (InputStream in = Version.class.getResourceAsStream("/sheetnet-git.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String id = p.getProperty("git.commit.id", "unknown");
            return "true".equals(p.getProperty("git.dirty")) ? id + " + uncommitted changes" : id;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
