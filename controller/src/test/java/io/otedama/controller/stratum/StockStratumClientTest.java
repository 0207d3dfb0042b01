package io.otedama.controller.stratum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otedama.controller.shares.ShareLogWriter;
import io.otedama.controller.shares.ShareMetrics;
import io.otedama.controller.shares.ShareProcessor;
import io.otedama.controller.shares.ShareValidator;
import io.otedama.controller.support.MigratedDatabase;
import io.otedama.controller.work.FeedSettings;
import io.otedama.controller.work.LocalSourceSettings;
import io.otedama.controller.work.LocalWorkSource;
import io.otedama.controller.work.WorkAssignments;
import io.otedama.controller.work.WorkFeed;
import io.otedama.protocol.stratum.StratumCodec;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stock open-source Stratum v1 client against the server: the {@code stratum-client} npm package
 * (arnabk/stratum-client 1.1.0, MIT) speaks the protocol with its own message ids ({@code
 * "mining.subscribe"}, {@code "mining.submit"} as string ids), an empty subscribe and its own line
 * handling; a small script beside it finds nonces with node:crypto and submits through it. No stock
 * miner that hashes is installable here (docs/work-and-shares.md, "Miners tested against it").
 *
 * <p>Needs node and npm (scripts/lib/tools.sh); the package is installed under {@code
 * .test-tools/npm} by ./scripts/test, or here when it is missing.
 */
class StockStratumClientTest {
  private static final String PACKAGE = "stratum-client@1.1.0";

  private final Clock clock = Clock.systemUTC();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Jdbi jdbi;
  private LocalWorkSource source;
  private ShareLogWriter log;
  private StratumServer server;
  private Process node;

  @BeforeEach
  void setUp() throws Exception {
    jdbi = MigratedDatabase.create();
    source = new LocalWorkSource("local", LocalSourceSettings.defaults(), clock);
    WorkFeed feed = new WorkFeed(source, FeedSettings.DEFAULTS, clock);
    source.start();
    WorkAssignments assignments = new WorkAssignments(g -> feed, clock, registry);
    log = new ShareLogWriter(jdbi, clock, registry, 1000, Duration.ofMillis(100), 100_000);
    log.start();
    ShareProcessor processor =
        new ShareProcessor(
            new ShareValidator(Duration.ofSeconds(5), Duration.ofSeconds(10)),
            assignments,
            log,
            new ShareMetrics(registry, clock),
            clock);
    server =
        new StratumServer(
            StratumServerSettings.defaults().withPort(0).withHost("127.0.0.1"),
            new StratumCodec(),
            assignments,
            g -> feed,
            processor,
            new InMemoryStratumRigRegistry().account("dave", null),
            clock,
            registry);
    server.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (node != null) {
      node.destroy();
      if (!node.waitFor(10, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    }
    server.close();
    log.close();
    source.close();
  }

  @Test
  void theStockStratumClientsSharesAreAcceptedAndLogged(@TempDir Path dir) throws Exception {
    Path modules = installedPackage();
    Path script = dir.resolve("stock-client-miner.js");
    try (InputStream in = getClass().getResourceAsStream("/stratum/stock-client-miner.js")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    node =
        new ProcessBuilder(
                "node",
                script.toString(),
                modules.toString(),
                Integer.toString(server.port()),
                "dave.node1",
                "d=0.00001")
            .redirectErrorStream(true)
            .start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread.ofVirtual()
        .start(() -> {
          try (BufferedReader out =
              new BufferedReader(
                  new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
              lines.add(line);
            }
          } catch (java.io.IOException ignored) {
            // the process ended
          }
        });

    await()
        .atMost(Duration.ofSeconds(90))
        .failFast("the client stopped: " + lines, () -> !node.isAlive())
        .until(() -> lines.stream().filter("ACCEPTED"::equals).count() >= 3);
    assertThat(lines).noneMatch(l -> l.startsWith("REJECTED") || l.startsWith("ERROR"));
    assertThat(lines).anyMatch(l -> l.matches("SUBSCRIBED [0-9a-f]+ \\d+"));
    assertThat(lines).contains("DIFFICULTY 0.00001");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() ->
            jdbi.withHandle(h ->
                h.createQuery("SELECT count(*) FROM shares WHERE worker = 'dave.node1'")
                    .mapTo(Long.class)
                    .one())
                >= 3);
  }

  /** The package's node_modules folder, installing it with npm when it is not there yet. */
  private static Path installedPackage() throws Exception {
    Path prefix = Path.of("..", ".test-tools", "npm").toAbsolutePath().normalize();
    Path modules = prefix.resolve("node_modules");
    if (!Files.exists(modules.resolve("stratum-client").resolve("package.json"))) {
      Files.createDirectories(prefix);
      Process npm =
          new ProcessBuilder(
                  "npm",
                  "install",
                  "--no-audit",
                  "--no-fund",
                  "--prefix",
                  prefix.toString(),
                  PACKAGE)
              .redirectErrorStream(true)
              .start();
      String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(npm.waitFor(180, TimeUnit.SECONDS)).as("npm install finished").isTrue();
      assertThat(npm.exitValue()).as("npm install " + PACKAGE + ": " + output).isZero();
    }
    return modules;
  }
}
