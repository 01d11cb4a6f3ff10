package org.grokbench.plot;

import java.awt.geom.Path2D;

/**
 * Level sets of a function sampled on a regular grid of nodes, by marching squares: each cell's
 * crossing of the level is a straight segment between the linearly interpolated crossings on its
 * edges; a saddle cell is split by the value at its centre. Cells with a NaN corner are skipped.
 * Used by the parameter plane's loss level sets and the landscape's contour lines.
 */
final class LevelSets {
    private LevelSets() {}

    /**
     * Appends the segments of {@code level} to {@code path} (modified).
     *
     * @param nodes  nx × ny values, row-major by y: node (i, j) at j·nx + i
     * @param px0    drawing x of node column 0; {@code px1} of column nx − 1
     * @param py0    drawing y of node row 0; {@code py1} of row ny − 1
     */
    static void trace(double[] nodes, int nx, int ny, double level, double px0, double px1, double py0, double py1,
                      Path2D.Double path) {
        double sx = (px1 - px0) / (nx - 1), sy = (py1 - py0) / (ny - 1);
        double[] pts = new double[8];
        for (int j = 0; j < ny - 1; j++) {
            for (int i = 0; i < nx - 1; i++) {
                double a = nodes[j * nx + i], b = nodes[j * nx + i + 1];
                double c = nodes[(j + 1) * nx + i + 1], d = nodes[(j + 1) * nx + i];
                if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) continue;
                boolean ga = a >= level, gb = b >= level, gc = c >= level, gd = d >= level;
                if (ga == gb && gb == gc && gc == gd) continue;
                double x0 = px0 + i * sx, y0 = py0 + j * sy;
                int k = 0;
                // edges in order: bottom (a→b), right (b→c), top (d→c), left (a→d)
                if (ga != gb) { double t = (level - a) / (b - a); pts[2 * k] = x0 + t * sx; pts[2 * k + 1] = y0; k++; }
                if (gb != gc) { double t = (level - b) / (c - b); pts[2 * k] = x0 + sx; pts[2 * k + 1] = y0 + t * sy; k++; }
                if (gd != gc) { double t = (level - d) / (c - d); pts[2 * k] = x0 + t * sx; pts[2 * k + 1] = y0 + sy; k++; }
                if (ga != gd) { double t = (level - a) / (d - a); pts[2 * k] = x0; pts[2 * k + 1] = y0 + t * sy; k++; }
                if (k == 2) {
                    path.moveTo(pts[0], pts[1]);
                    path.lineTo(pts[2], pts[3]);
                } else if (k == 4) {
                    boolean centerHigh = (a + b + c + d) / 4 >= level;
                    // k == 4 means edges 0,1,2,3 in that order
                    if (centerHigh == ga) { // b and d are cut off: (bottom,right), (top,left)
                        segment(path, pts, 0, 1);
                        segment(path, pts, 2, 3);
                    } else {                // a and c are cut off: (bottom,left), (right,top)
                        segment(path, pts, 0, 3);
                        segment(path, pts, 1, 2);
                    }
                }
            }
        }
    }

    private static void segment(Path2D.Double path, double[] pts, int p, int q) {
        path.moveTo(pts[2 * p], pts[2 * p + 1]);
        path.lineTo(pts[2 * q], pts[2 * q + 1]);
    }
}
