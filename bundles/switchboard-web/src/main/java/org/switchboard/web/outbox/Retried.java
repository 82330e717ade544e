package org.switchboard.web.outbox;

/** {@code {"retried": n}}: how many failed commands were put back to run. */
public record Retried(int retried) {
}
