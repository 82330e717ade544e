package org.switchboard.core.health;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.switchboard.api.spi.Health;
import org.switchboard.api.spi.HealthCheck;
import org.switchboard.core.store.Database;

/** Whether the store answers, and how fast. */
public final class StoreHealthCheck implements HealthCheck {
    private static final long SLOW_MILLIS = 500;

    private final Database database;

    public StoreHealthCheck(Database database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public Health check() {
        long start = System.nanoTime();
        try {
            database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1"); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return null;
                }
            });
        } catch (Exception e) {
            return Health.down("the store does not answer: " + e.getMessage());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Object> details = Map.of("database", database.dialect().name(), "answerMillis", millis);
        return (millis > SLOW_MILLIS ? Health.degraded("the store is slow to answer (" + millis + " ms)")
                : Health.up(database.dialect().name() + " answers")).with(details);
    }
}
