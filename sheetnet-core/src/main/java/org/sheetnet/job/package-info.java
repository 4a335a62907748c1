/**
 * The use cases from files to files: score, verify, check vectors and train, each composing the
 * readers, the one batch scorer and the writers; the command line's verbs call these.
 */
package org.sheetnet.job;
