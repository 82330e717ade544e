package org.switchboard.itests.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.switchboard.itests.distribution.PostgresSchema;

/** In CI the PostgreSQL tests must run, not be skipped: .ci/run sets up the database. */
@EnabledIfEnvironmentVariable(named = "CI", matches = "true")
class PostgresRunsInCiIT {
    @Test
    void theTestDatabaseIsConfigured() {
        assertThat(PostgresSchema.configuredUrl()).as(PostgresSchema.ENV).isPresent();
    }
}
