package org.switchboard.itests.karaf;

/**
 * {@link DistributionIT} with the store on PostgreSQL (a fresh schema in the database of
 * {@code SWITCHBOARD_IT_POSTGRES_URL}); run only when that variable is set.
 */
public class DistributionPostgresIT extends DistributionIT {
    @Override
    protected Store store() {
        return Store.POSTGRESQL;
    }
}
