package io.otedama.controller.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The controller's pooled database as a plain {@link DataSource}, for code that needs raw JDBC
 * (PgJDBC's COPY API in the telemetry writer): each connection is a Jdbi {@link Handle}'s, and
 * closing it closes the handle, which returns the connection to the pool. {@code unwrap} reaches
 * the driver's connection (e.g. {@code PGConnection}).
 */
public final class JdbiDataSource implements DataSource {

  private final Jdbi jdbi;

  public JdbiDataSource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Handle handle;
    try {
      handle = jdbi.open();
    } catch (ConnectionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new SQLException("no database connection: " + e.getMessage(), "08001", e);
    }
    Connection connection = handle.getConnection();
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close") && method.getParameterCount() == 0) {
                close(handle, connection);
                return null;
              }
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** Jdbi refuses to close a handle whose connection is left in manual-commit mode. */
  private static void close(Handle handle, Connection connection) {
    try {
      if (!connection.isClosed() && !connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException ignored) {
      // a broken connection: the pool validates and discards it
    }
    handle.close();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool's credentials are configured");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("JdbiDataSource wraps no " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
