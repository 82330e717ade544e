package org.switchboard.web.push;

import java.util.Arrays;

/**
 * Screen-pop latency: from the moment the triggering request entered the JVM to the moment the pop's
 * frame was written and flushed to the agent's stream. Keeps the latest {@value #CAPACITY} samples.
 */
public final class PopLatency {
    static final int CAPACITY = 1 << 16;

    private final long[] samples = new long[CAPACITY];
    private long count;

    /** Percentiles in milliseconds over the samples kept. */
    public record Summary(long samples, double p50Millis, double p99Millis, double maxMillis) {
    }

    public synchronized void record(long nanos) {
        samples[(int) (count++ & (CAPACITY - 1))] = nanos;
    }

    public synchronized void reset() {
        count = 0;
    }

    public Summary summary() {
        long[] copy;
        long total;
        synchronized (this) {
            total = count;
            copy = Arrays.copyOf(samples, (int) Math.min(count, CAPACITY));
        }
        if (copy.length == 0) {
            return new Summary(0, 0, 0, 0);
        }
        Arrays.sort(copy);
        return new Summary(total, millis(percentile(copy, 50)), millis(percentile(copy, 99)),
                millis(copy[copy.length - 1]));
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
