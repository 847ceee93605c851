package io.synod.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds; percentiles by rank. */
final class Latencies {
    private long[] samples = new long[1024];
    private int n;

    synchronized void add(long nanos) {
        if (n == samples.length) {
            samples = Arrays.copyOf(samples, n * 2);
        }
        samples[n++] = nanos;
    }

    synchronized String summary() {
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        return String.format("n=%d p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms", n, ms(s, 0.50), ms(s, 0.90),
                ms(s, 0.99), n == 0 ? 0 : s[n - 1] / 1e6);
    }

    private static double ms(long[] s, double q) {
        return s.length == 0 ? 0 : s[Math.min(s.length - 1, (int) Math.ceil(q * s.length) - 1)] / 1e6;
    }
}
