package io.otedama.dashboards;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Makes one run of the controller's accounting or payout job fail the way it fails in a farm: its
 * query waits behind a lock another session holds (a DBA's maintenance, a long report) and the DBA
 * cancels it with {@code pg_cancel_backend}. The job's transaction rolls back, the run is counted
 * as a failure, the pooled connection stays usable, and the next run succeeds. Both jobs read
 * {@code accounting_runs} first, so holding that table's lock catches whichever comes next.
 */
final class CancelledJobQuery {

  private CancelledJobQuery() {}

  /** Blocks the next accounting or payout run and cancels its query; returns the cancelled pid. */
  static int cancelNextRun(int postgresPort, Duration limit) throws SQLException {
    String url = "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres";
    try (Connection dba = DriverManager.getConnection(url, "postgres", "")) {
      dba.setAutoCommit(false);
      try (Statement lock = dba.createStatement()) {
        lock.execute("LOCK TABLE accounting_runs IN ACCESS EXCLUSIVE MODE");
      }
      try (Connection watcher = DriverManager.getConnection(url, "postgres", "")) {
        int[] waiting = new int[1];
        await("a job query waiting for the accounting_runs lock")
            .atMost(limit)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> {
              OptionalInt pid = blockedJobQuery(watcher);
              pid.ifPresent(p -> waiting[0] = p);
              return pid.isPresent();
            });
        try (PreparedStatement cancel = watcher.prepareStatement("SELECT pg_cancel_backend(?)")) {
          cancel.setInt(1, waiting[0]);
          cancel.execute();
        }
        return waiting[0];
      } finally {
        dba.rollback();
      }
    }
  }

  private static OptionalInt blockedJobQuery(Connection watcher) throws SQLException {
    try (PreparedStatement query =
            watcher.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query LIKE '%accounting_runs%' AND pid <> pg_backend_pid()"
                    + " ORDER BY query_start LIMIT 1");
        ResultSet rows = query.executeQuery()) {
      return rows.next() ? OptionalInt.of(rows.getInt(1)) : OptionalInt.empty();
    }
  }
}
