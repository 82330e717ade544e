package org.switchboard.jdbc.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * For crash tests: the data source the code under test gets, which hands out no connection once
 * the process has "crashed". A new connection after H2's {@code SHUTDOWN IMMEDIATELY} would open the
 * database again behind the test, and recover it before the test's own restart does.
 */
public final class CrashGate {
    private CrashGate() {
    }

    /** {@code dataSource} until {@code crashed} is set; from then on {@code getConnection} throws. */
    public static DataSource refusingAfter(AtomicBoolean crashed, DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> {
                        if (crashed.get() && method.getName().equals("getConnection")) {
                            throw new SQLException("the process crashed");
                        }
                        try {
                            yield method.invoke(dataSource, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }
}
