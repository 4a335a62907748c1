/**
 * Where output sheets go (streamed .xlsx, POI, CSV) and how an output reaches the disk without
 * destroying anything: temporaries beside the target, no clobbering, never over an input, removed on
 * every exit. The Audit lines every destination ends with live here too.
 */
package org.sheetnet.sink;
