package org.switchboard.itests.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.switchboard.api.InboundContact;
import org.switchboard.api.Receipt;

/** One batch of contacts: when each was handed to the ingress, its receipt, and when it was done. */
final class Run {
    private final String name;
    private final String runId;
    private final Completions completions;
    /** Built before the clock starts: the load generator's own work is not Switchboard's. */
    private final InboundContact[] contacts;
    private final long[] acceptBegin;
    private final long[] interactionIds;
    private final AtomicLong duplicatesOnFirstAccept = new AtomicLong();
    private long started;
    private long allAccepted;

    Run(String name, String phonePrefix, int size, Completions completions) {
        this.name = name;
        this.runId = "bench-" + name + "-" + Long.toHexString(System.nanoTime());
        this.completions = completions;
        this.contacts = new InboundContact[size];
        for (int i = 0; i < size; i++) {
            contacts[i] = PipelineBenchmark.contact(runId, phonePrefix, i);
        }
        this.acceptBegin = new long[size];
        this.interactionIds = new long[size];
    }

    String name() {
        return name;
    }

    int size() {
        return acceptBegin.length;
    }

    InboundContact contact(int i) {
        return contacts[i];
    }

    long interactionId(int i) {
        return interactionIds[i];
    }

    void started() {
        started = System.nanoTime();
    }

    void accepted(int i, Receipt receipt, long begin) {
        acceptBegin[i] = begin;
        interactionIds[i] = receipt.interactionId();
        if (receipt.duplicate()) {
            duplicatesOnFirstAccept.incrementAndGet();
        }
    }

    void allAccepted() {
        allAccepted = System.nanoTime();
    }

    long duplicatesOnFirstAccept() {
        return duplicatesOnFirstAccept.get();
    }

    /** Waits until every contact of the run is done; false when the time ran out first. */
    boolean awaitProcessed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int next = 0;
        while (next < size()) {
            if (completions.doneAt(interactionIds[next]) != null) {
                next++;
            } else if (System.nanoTime() > deadline) {
                return false;
            } else {
                Thread.sleep(20);
            }
        }
        return true;
    }

    int processed() {
        int done = 0;
        for (long id : interactionIds) {
            if (completions.doneAt(id) != null) {
                done++;
            }
        }
        return done;
    }

    void report(boolean complete) {
        long[] latencies = new long[size()];
        long lastDone = started;
        int n = 0;
        for (int i = 0; i < size(); i++) {
            Long done = completions.doneAt(interactionIds[i]);
            if (done != null) {
                latencies[n++] = done - acceptBegin[i];
                lastDone = Math.max(lastDone, done);
            }
        }
        long[] measured = Arrays.copyOf(latencies, n);
        Arrays.sort(measured);
        double acceptSeconds = (allAccepted - started) / 1e9;
        double endToEndSeconds = (lastDone - started) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d contacts accepted in %.2f s (%.0f/s); %d fully processed in %.2f s: %.0f contacts/s end to end%s%n",
                name, size(), acceptSeconds, size() / acceptSeconds, n, endToEndSeconds, n / endToEndSeconds,
                complete ? "" : " (TIMED OUT)");
        if (n > 0) {
            System.out.printf(Locale.ROOT, "%s: latency accept -> ticket opened: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    name, percentile(measured, 0.50) / 1e6, percentile(measured, 0.99) / 1e6, measured[n - 1] / 1e6);
        }
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
