/**
 * The first checks on a file the user names (exists, readable, not empty, what kind of file its first
 * bytes say it is) and the SHA-256 the Audit records: shared by every reader, so no format depends on another.
 */
package org.sheetnet.files;
