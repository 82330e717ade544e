package org.switchboard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.jdbc.testing.TestDatabases.count;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bundle's changelog applied to a real, empty database: subclasses give the database. */
abstract class SchemaUpdateContract {
    private static final String FIRST = "org/switchboard/jdbc/first-changelog.xml";
    private static final String SECOND = "org/switchboard/jdbc/second-changelog.xml";
    private static final String BROKEN = "org/switchboard/jdbc/broken-changelog.xml";
    private static final ClassLoader LOADER = SchemaUpdateContract.class.getClassLoader();

    private DataSource dataSource;

    abstract DataSource emptyDatabase() throws Exception;

    @BeforeEach
    void createDatabase() throws Exception {
        dataSource = emptyDatabase();
    }

    @Test
    void createsTheTablesOnAnEmptyDatabase() throws Exception {
        SchemaUpdate.apply(dataSource, FIRST, LOADER, "the first tables");

        assertThat(count(dataSource, "SELECT COUNT(*) FROM first_things")).isZero();
        assertThat(count(dataSource, "SELECT COUNT(*) FROM databasechangelog WHERE filename = '" + FIRST + "'"))
                .isEqualTo(2);
    }

    @Test
    void changesNothingTheSecondTime() throws Exception {
        SchemaUpdate.apply(dataSource, FIRST, LOADER, "the first tables");
        execute("INSERT INTO first_things (name) VALUES ('kept')");

        SchemaUpdate.apply(dataSource, FIRST, LOADER, "the first tables");

        assertThat(count(dataSource, "SELECT COUNT(*) FROM databasechangelog")).isEqualTo(2);
        assertThat(count(dataSource, "SELECT COUNT(*) FROM first_things WHERE name = 'kept'")).isEqualTo(1);
    }

    @Test
    void twoChangelogsUpdatedAtOnceInOneJvmBothApply() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> {
                start.await();
                SchemaUpdate.apply(dataSource, FIRST, LOADER, "the first tables");
                return null;
            });
            Future<?> second = threads.submit(() -> {
                start.await();
                SchemaUpdate.apply(dataSource, SECOND, LOADER, "the second tables");
                return null;
            });
            start.countDown();
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        assertThat(count(dataSource, "SELECT COUNT(*) FROM first_things")).isZero();
        assertThat(count(dataSource, "SELECT COUNT(*) FROM second_things")).isZero();
        assertThat(count(dataSource, "SELECT COUNT(*) FROM databasechangelog")).isEqualTo(4);
        assertThat(count(dataSource, "SELECT COUNT(*) FROM databasechangeloglock WHERE locked")).isZero();
    }

    @Test
    void aChangelogTheDatabaseRefusesFailsNamingTheTables() {
        assertThatThrownBy(() -> SchemaUpdate.apply(dataSource, BROKEN, LOADER, "the broken tables"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Could not create or update the broken tables: ")
                .hasMessageContaining(BROKEN);
    }

    @Test
    void givesTheThreadItsOwnContextClassLoaderBack() {
        ClassLoader own = new ClassLoader(LOADER) { };
        Thread.currentThread().setContextClassLoader(own);
        try {
            SchemaUpdate.apply(dataSource, FIRST, LOADER, "the first tables");

            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(own);
        } finally {
            Thread.currentThread().setContextClassLoader(LOADER);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
