package org.switchboard.core.pipeline;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.switchboard.core.support.TestStore;

@EnabledIfEnvironmentVariable(named = TestStore.POSTGRES_URL_VARIABLE, matches = ".+")
class BuiltInCrmOnPostgresTest extends BuiltInCrmContract {
    @Override
    TestStore store() throws Exception {
        return TestStore.postgres();
    }
}
