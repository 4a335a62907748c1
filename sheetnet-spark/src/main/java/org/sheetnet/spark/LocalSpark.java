package org.sheetnet.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Starts Spark for sheetnet: quiet, and for a local master on the loopback interface only, so an
 * embedded run never listens on, or resolves, the machine's external address.
 */
public final class LocalSpark {

    /** The log4j2 configuration that silences Spark (see the file's comment). */
    public static final String LOG_CONFIG = "sheetnet-spark-log4j2.properties";

    private LocalSpark() {
    }

    /**
     * Points log4j2 at sheetnet's quiet configuration unless the user gave one; must run before the
     * first Spark class logs.
     */
    public static void quietLogging() {
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "classpath:" + LOG_CONFIG);
        }
    }

    /**
     * A session builder for a master: for {@code local…} masters the driver binds to and advertises
     * 127.0.0.1 and the web UI is off; a cluster master keeps the cluster's settings.
     *
     * @param master  a Spark master URL, e.g. {@code local[*]}, {@code spark://host:7077}
     * @param appName the application's name
     */
    public static SparkSession.Builder builder(String master, String appName) {
        quietLogging();
        SparkSession.Builder b = SparkSession.builder().master(master).appName(appName);
        if (master.startsWith("local")) {
            b = b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false");
        }
        return b;
    }
}
