package io.otedama.controller.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real DataSource with two knobs for fault tests: connections wait for {@link #open()}, and the
 * next {@code n} connection attempts fail as if the server were unreachable (SQLState 08001).
 */
public final class GatedDataSource implements DataSource {

  private final DataSource delegate;
  private final CountDownLatch gate;
  private final AtomicInteger failuresLeft = new AtomicInteger();

  public GatedDataSource(DataSource delegate, boolean initiallyOpen) {
    this.delegate = delegate;
    this.gate = new CountDownLatch(initiallyOpen ? 0 : 1);
  }

  public void open() {
    gate.countDown();
  }

  public void failNextConnections(int n) {
    failuresLeft.set(n);
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the gate", "08001", e);
    }
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new SQLException("connection refused (test fault)", "08001");
    }
    return delegate.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
