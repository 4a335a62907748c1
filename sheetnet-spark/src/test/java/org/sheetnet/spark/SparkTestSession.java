package org.sheetnet.spark;

import org.apache.spark.sql.SparkSession;

/** The local[2] session a test class shares, on loopback, started and stopped by the class. */
final class SparkTestSession {

    private SparkTestSession() {
    }

    static SparkSession start() {
        return LocalSpark.builder("local[2]", "sheetnet-spark tests").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.memory", "512m").getOrCreate();
    }
}
