package org.switchboard.core.health;

import java.util.Map;
import org.switchboard.api.service.Outbox;
import org.switchboard.api.service.OutboxCommand;
import org.switchboard.api.spi.Health;
import org.switchboard.api.spi.HealthCheck;

/** Whether CRM writes go through: commands that failed for good need an operator. */
public final class OutboxHealthCheck implements HealthCheck {
    private final Outbox outbox;

    public OutboxHealthCheck(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public Health check() {
        Map<OutboxCommand.State, Long> counts;
        try {
            counts = outbox.counts();
        } catch (RuntimeException e) {
            return Health.down("cannot read the outbox: " + e.getMessage());
        }
        Map<String, Object> details = Map.of("pending", counts.get(OutboxCommand.State.PENDING),
                "failed", counts.get(OutboxCommand.State.FAILED), "done", counts.get(OutboxCommand.State.DONE));
        long failed = counts.get(OutboxCommand.State.FAILED);
        if (failed > 0) {
            return Health.degraded(failed + " CRM command(s) failed for good; see switchboard:outbox").with(details);
        }
        return Health.up(counts.get(OutboxCommand.State.PENDING) + " CRM command(s) pending").with(details);
    }
}
