/**
 * Reading .xlsx files from strangers, without POI's in-memory model: the zip package (entry limits,
 * checksums, sizes counted while inflating, a large part inflated a few chunks ahead on a thread of
 * its own), sheetnet's own XML scanner (no DTDs, no entities but XML's five, no long text runs; the
 * common cell shape read in one step, every other one event by event), shared strings held compactly,
 * and sheets streamed row by row or read sparsely.
 *
 * <p>It exists because a workbook someone e-mailed must not be able to read local files, reach the
 * network, or exhaust memory, and because a cell must read exactly as Excel shows it or be refused:
 * every limit here is checked on the bytes actually read, never on what the file claims.
 */
package org.sheetnet.xlsx;
