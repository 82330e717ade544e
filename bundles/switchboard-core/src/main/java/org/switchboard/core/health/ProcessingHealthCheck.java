package org.switchboard.core.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.switchboard.api.spi.Health;
import org.switchboard.api.spi.HealthCheck;
import org.switchboard.core.pipeline.ContactProcessor;
import org.switchboard.core.store.ContactTable;
import org.switchboard.core.store.Database;

/** Whether accepted contacts are processed: backlog, contacts set aside, processing switched off. */
public final class ProcessingHealthCheck implements HealthCheck {
    private final Database database;
    private final ContactProcessor processor;

    /** @param processor the running processor, or {@code null} when processing is switched off */
    public ProcessingHealthCheck(Database database, ContactProcessor processor) {
        this.database = database;
        this.processor = processor;
    }

    @Override
    public String name() {
        return "processing";
    }

    @Override
    public Health check() {
        long pending;
        long failed;
        try {
            long[] counts = database.read(c -> new long[] {
                ContactTable.pendingCount(c), ContactTable.failedCount(c)});
            pending = counts[0];
            failed = counts[1];
        } catch (Exception e) {
            return Health.down("cannot read the processing backlog: " + e.getMessage());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pending", pending);
        details.put("failed", failed);
        if (processor != null) {
            details.put("processedSinceStart", processor.processedCount());
        }
        if (processor == null) {
            return Health.degraded("processing is switched off (processing.enabled=false); " + pending
                    + " contact(s) wait").with(details);
        }
        if (failed > 0) {
            return Health.degraded(failed + " contact(s) could not be processed and wait for an operator").with(details);
        }
        return Health.up(pending == 0 ? "all contacts processed" : pending + " contact(s) being processed").with(details);
    }
}
