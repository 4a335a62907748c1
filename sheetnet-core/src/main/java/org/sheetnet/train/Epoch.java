package org.sheetnet.train;

/**
 * One line of the training history.
 *
 * @param epoch   the epoch, from 1
 * @param loss    mean row loss over the training rows during the epoch (each batch measured before
 *                its update, as Keras reports it)
 * @param valLoss mean row loss over the validation rows after the epoch; NaN without validation rows
 * @param seconds wall-clock seconds since training started
 */
public record Epoch(int epoch, double loss, double valLoss, double seconds) {
}
