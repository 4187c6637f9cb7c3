package dev.rehearsal.harness.profile;

/**
 * The zipfian skew s under which the most frequent of {@code n} keys takes {@code topShare} of the
 * draws (1 / H(n, s)), by bisection: how a foreign key's measured hottest parent becomes the
 * {@code skew} of a {@code reference} or {@code existingKey}. No common value (top share 0, or at
 * most uniform's 1/n) is skew 0.
 */
final class ZipfFit {

  private ZipfFit() {}

  static double skew(long n, double topShare) {
    if (n <= 1 || topShare <= 1.0 / n) {
      return 0;
    }
    double lo = 0;
    double hi = 4;
    for (int i = 0; i < 50; i++) {
      double mid = (lo + hi) / 2;
      if (1 / harmonic(n, mid) < topShare) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** H(n, s) = sum of k^-s for k = 1..n: the first 1,000 terms exactly, the tail by its integral. */
  static double harmonic(long n, double s) {
    long exact = Math.min(n, 1000);
    double sum = 0;
    for (long k = 1; k <= exact; k++) {
      sum += Math.pow(k, -s);
    }
    if (n > exact) {
      double a = exact + 0.5;
      double b = n + 0.5;
      sum += Math.abs(s - 1) < 1e-9 ? Math.log(b / a) : (Math.pow(b, 1 - s) - Math.pow(a, 1 - s)) / (1 - s);
    }
    return sum;
  }
}
