package org.switchboard.web.testing;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

/** Installs a JAAS realm of {@link TestUser}s for as long as it is open, as Karaf's realm would be. */
public final class TestRealm implements AutoCloseable {
    private final Configuration previous;
    private final AtomicInteger logins = new AtomicInteger();

    public TestRealm(String name) {
        Configuration before;
        try {
            before = Configuration.getConfiguration();
        } catch (SecurityException e) {
            before = null;
        }
        previous = before;
        Map<String, TestUser> users = TestUser.ALL.stream().collect(Collectors.toMap(TestUser::name, Function.identity()));
        AppConfigurationEntry entry = new AppConfigurationEntry(TestLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                Map.of(TestLoginModule.USERS, users, TestLoginModule.LOGINS, logins));
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String realm) {
                return name.equals(realm) ? new AppConfigurationEntry[] {entry} : null;
            }
        });
    }

    /** How often a login module ran. */
    public int logins() {
        return logins.get();
    }

    @Override
    public void close() {
        Configuration.setConfiguration(previous);
    }
}
