package org.switchboard.itests.process;

import java.util.Optional;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.switchboard.itests.distribution.PostgresSchema;

/**
 * {@link RestartRecoveryIT} with the store on PostgreSQL: a fresh schema per test in the database
 * of {@code SWITCHBOARD_IT_POSTGRES_URL}.
 */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class RestartRecoveryPostgresIT extends RestartRecoveryIT {
    @Override
    protected Optional<PostgresSchema> database() {
        return PostgresSchema.configuredUrl().map(PostgresSchema::create);
    }
}
