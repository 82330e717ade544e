package org.switchboard.crm.odoo.rpc;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.api.spi.Health;

/**
 * How Odoo's last answers went, for the connector's health check: it reports what the calls Switchboard
 * makes anyway have shown, and never calls Odoo itself.
 */
public final class CallRecord {
    private final Clock clock;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile Instant lastSuccess;
    private volatile Instant lastFailure;
    private volatile OdooException lastError;
    private volatile boolean lastFailed;

    public CallRecord(Clock clock) {
        this.clock = clock;
    }

    void succeeded() {
        calls.incrementAndGet();
        lastSuccess = clock.instant();
        lastFailed = false;
    }

    /** A failure of the connection or of the credentials; a request Odoo refuses on its merits is a success here. */
    void failed(OdooException e) {
        calls.incrementAndGet();
        if (e.isRetryable() || e.isAccessDenied()) {
            failures.incrementAndGet();
            lastFailure = clock.instant();
            lastError = e;
            lastFailed = true;
        } else {
            lastSuccess = clock.instant();
            lastFailed = false;
        }
    }

    /** UP while Odoo answers, DOWN when it refuses the key, DEGRADED when it does not answer (writes wait in the outbox). */
    public Health health(String what) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("calls", calls.get());
        figures.put("failures", failures.get());
        if (lastSuccess != null) {
            figures.put("lastSuccess", lastSuccess.toString());
        }
        if (lastFailure != null) {
            figures.put("lastFailure", lastFailure.toString());
        }
        OdooException error = lastError;
        if (!lastFailed || error == null) {
            return Health.up(calls.get() == 0 ? what + ": no calls yet" : what + " answers").with(figures);
        }
        if (error.isAccessDenied()) {
            return Health.down(error.getMessage()).with(figures);
        }
        return Health.degraded(what + " does not answer; writes wait in the outbox: " + error.getMessage()).with(figures);
    }
}
