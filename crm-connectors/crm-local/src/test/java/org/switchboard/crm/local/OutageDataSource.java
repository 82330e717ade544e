package org.switchboard.crm.local;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A real database behind a switch: while it is down, every connection is refused as by a dead server. */
public final class OutageDataSource implements DataSource {
    private final DataSource database;
    private volatile boolean down;

    public OutageDataSource(DataSource database) {
        this.database = database;
    }

    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhenDown();
        return database.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhenDown();
        return database.getConnection(username, password);
    }

    private void refuseWhenDown() throws SQLTransientConnectionException {
        if (down) {
            throw new SQLTransientConnectionException("Connection refused", "08001");
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return database.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        database.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        database.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return database.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return database.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return database.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return database.isWrapperFor(type);
    }
}
