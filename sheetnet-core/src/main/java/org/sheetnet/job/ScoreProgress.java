package org.sheetnet.job;

/** Told how a score run advances, after each batch. */
@FunctionalInterface
public interface ScoreProgress {

    /**
     * @param rows         rows scored so far
     * @param fractionRead how much of the input has been read, 0 to 1, or NaN when unknown
     */
    void update(long rows, double fractionRead);
}
