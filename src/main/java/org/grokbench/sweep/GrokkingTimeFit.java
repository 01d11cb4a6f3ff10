package org.grokbench.sweep;

import org.grokbench.spectral.PowerLawFit;

import java.util.ArrayList;
import java.util.List;

/**
 * The fit t4(r) = a r^−γ + b of predicting-grokking §3 over a sweep of training fractions r: the
 * finished cells of a 1-D sweep whose x axis is {@link SweepParameter#TRAIN_FRACTION} and whose
 * run reached 100 % validation accuracy (cells that never did carry no t4 and are left out).
 *
 * @param fit   the fitted law, null when fewer than 4 cells grokked (three parameters need more
 *              than three points to be tested at all)
 * @param used  how many cells entered the fit
 * @param total how many cells the sweep has
 */
public record GrokkingTimeFit(PowerLawFit fit, int used, int total) {
    public static final int MIN_POINTS = 4;

    /** Whether a sweep plan is one this fit applies to: x is the training fraction, y absent or one value (a fixed setting). */
    public static boolean appliesTo(SweepPlan plan) {
        return plan.x().parameter() == SweepParameter.TRAIN_FRACTION && plan.rows() == 1;
    }

    /** Fits the cells' (x = r, t4); see the class comment for which cells count. */
    public static GrokkingTimeFit of(List<CellResult> cells, int total) {
        List<double[]> points = new ArrayList<>();
        for (CellResult c : cells) {
            double t4 = c.value(CellMeasures.T4_NAME);
            if (CellResult.FINISHED.equals(c.status()) && Double.isFinite(t4) && c.x() > 0) points.add(new double[] {c.x(), t4});
        }
        long distinct = points.stream().mapToDouble(p -> p[0]).distinct().count();
        if (points.size() < MIN_POINTS || distinct < 2) return new GrokkingTimeFit(null, points.size(), total);
        double[] r = new double[points.size()], t = new double[points.size()];
        for (int k = 0; k < r.length; k++) {
            r[k] = points.get(k)[0];
            t[k] = points.get(k)[1];
        }
        return new GrokkingTimeFit(PowerLawFit.fit(r, t), points.size(), total);
    }

    /** One line for the CLI. */
    public String describe() {
        if (fit == null)
            return String.format(java.util.Locale.ROOT, "t4(r) = a r^-γ + b: not fitted, %d of %d cells reached 100 %% validation accuracy (%d needed)", used, total, MIN_POINTS);
        boolean atBound = fit.gamma() <= PowerLawFit.GAMMA_MIN * 1.0001 || fit.gamma() >= PowerLawFit.GAMMA_MAX * 0.9999;
        return String.format(java.util.Locale.ROOT, "t4(r) = a r^-γ + b over %d of %d cells: a = %.4g, γ = %.4g, b = %.4g (rss %.3g)%s",
                used, total, fit.a(), fit.gamma(), fit.b(), fit.rss(),
                atBound ? "; γ sits at the end of its search range: these points do not follow a power law" : "");
    }
}
