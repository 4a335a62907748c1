package org.sheetnet.engine;

import java.util.List;
import org.sheetnet.SheetnetException;
import org.sheetnet.model.CheckVector;
import org.sheetnet.model.CheckVectorSet;
import org.sheetnet.model.Model;

/** Runs a model on its stored check vectors, through the one {@link BatchScorer}. */
public final class CheckRun {

    private CheckRun() {
    }

    /**
     * The model's outputs for each check vector, row-major ({@code vectors × outputs}).
     *
     * @throws SheetnetException (MODEL) naming the check row where a layer gives a non-finite value
     */
    public static double[] outputs(Model model, CheckVectorSet checks) {
        List<CheckVector> rows = checks.vectors();
        int width = model.network().inputWidth();
        double[] x = new double[rows.size() * width];
        return BatchScorer.onCallingThread(model).score(rows.size(),
                (r, batch, offset) -> System.arraycopy(rows.get(r).inputs(), 0, batch, offset, width), x,
                e -> SheetnetException.model(rows.get(e.row()).where() + ": layer " + e.layer()
                        + " gives a non-finite " + e.stage() + " on a check vector")).output().act();
    }
}
