package org.grokbench.math;

/**
 * Discrete Fourier transform X_k = Σ_{t=0}^{n−1} x_t e^{−2πi kt/n} of any length n ≥ 1, in place on
 * separate real and imaginary arrays: iterative radix-2 Cooley–Tukey when n is a power of two,
 * Bluestein's chirp-z re-indexing (a circular convolution of power-of-two length ≥ 2n − 1) otherwise,
 * so a 400-step loss window is transformed exactly, without zero padding that would change its
 * spectrum. O(n log n) either way. The inverse is unnormalized-forward / normalized-inverse:
 * {@code inverse(transform(x)) = x}.
 */
public final class Fft {
    private Fft() {}

    /** Forward transform in place: writes {@code re} and {@code im} (same length n ≥ 1). */
    public static void transform(double[] re, double[] im) {
        check(re, im);
        int n = re.length;
        if (n <= 1) return;
        if (Integer.bitCount(n) == 1) radix2(re, im, false);
        else bluestein(re, im);
    }

    /** Inverse transform in place, x_t = (1/n) Σ_k X_k e^{+2πi kt/n}: writes {@code re} and {@code im}. */
    public static void inverse(double[] re, double[] im) {
        check(re, im);
        int n = re.length;
        // conj(F(conj(X))) / n
        for (int i = 0; i < n; i++) im[i] = -im[i];
        transform(re, im);
        for (int i = 0; i < n; i++) {
            re[i] /= n;
            im[i] = -im[i] / n;
        }
    }

    /** |X_k|² of a real signal x, k = 0..n−1, as a new array (x is not modified). */
    public static double[] energySpectrum(double[] x) {
        double[] re = x.clone();
        double[] im = new double[x.length];
        transform(re, im);
        double[] p = new double[x.length];
        for (int k = 0; k < p.length; k++) p[k] = re[k] * re[k] + im[k] * im[k];
        return p;
    }

    /** Angular frequency of bin k of an n-point transform in rad/step, folded into (−π, π]. */
    public static double angularFrequency(int k, int n) {
        int folded = k <= n / 2 ? k : k - n;
        return 2 * Math.PI * folded / n;
    }

    private static void check(double[] re, double[] im) {
        if (re.length != im.length) {
            throw new IllegalArgumentException("re and im differ in length: " + re.length + " vs " + im.length);
        }
    }

    private static void radix2(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        double sign = inverse ? 1 : -1;
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            double step = sign * 2 * Math.PI / len;
            for (int k = 0; k < half; k++) {
                // twiddles computed directly (not by recurrence) so the error stays at rounding level
                double wr = Math.cos(step * k), wi = Math.sin(step * k);
                for (int s = 0; s < n; s += len) {
                    int a = s + k, b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr; im[b] = im[a] - xi;
                    re[a] += xr; im[a] += xi;
                }
            }
        }
    }

    /** X_k = conj(w_k) Σ_t (x_t conj(w_t)) w_{k−t}, with the chirp w_t = e^{iπt²/n}. */
    private static void bluestein(double[] re, double[] im) {
        int n = re.length;
        int m = Integer.highestOneBit(2 * n - 1);
        if (m < 2 * n - 1) m <<= 1;
        double[] cr = new double[n], ci = new double[n];
        for (int t = 0; t < n; t++) {
            // t² mod 2n keeps the angle small and exact for long signals
            long sq = ((long) t * t) % (2L * n);
            double ang = Math.PI * sq / n;
            cr[t] = Math.cos(ang);
            ci[t] = Math.sin(ang);
        }
        double[] ar = new double[m], ai = new double[m];
        for (int t = 0; t < n; t++) {          // a_t = x_t · conj(w_t)
            ar[t] = re[t] * cr[t] + im[t] * ci[t];
            ai[t] = im[t] * cr[t] - re[t] * ci[t];
        }
        double[] br = new double[m], bi = new double[m];
        br[0] = cr[0]; bi[0] = ci[0];
        for (int t = 1; t < n; t++) {          // b_t = b_{−t} = w_t
            br[t] = br[m - t] = cr[t];
            bi[t] = bi[m - t] = ci[t];
        }
        radix2(ar, ai, false);
        radix2(br, bi, false);
        for (int k = 0; k < m; k++) {
            double r = ar[k] * br[k] - ai[k] * bi[k];
            double i = ar[k] * bi[k] + ai[k] * br[k];
            ar[k] = r; ai[k] = i;
        }
        radix2(ar, ai, true);
        for (int k = 0; k < n; k++) {          // X_k = conj(w_k) · conv_k / m
            double r = ar[k] / m, i = ai[k] / m;
            re[k] = r * cr[k] + i * ci[k];
            im[k] = i * cr[k] - r * ci[k];
        }
    }
}
