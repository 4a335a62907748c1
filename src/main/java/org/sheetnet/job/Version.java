package org.sheetnet.job;

/** The tool's name and version, from the jar's manifest. */
public final class Version {

    private Version() {
    }

    /** {@code sheetnet 0.1.0}, or {@code sheetnet (development build)} when run from classes. */
    public static String describe() {
        String v = Version.class.getPackage().getImplementationVersion();
        return "sheetnet " + (v == null ? "(development build)" : v);
    }
}
