package io.otedama.agent.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.otedama.agent.command.CommandOutcome;
import io.otedama.protocol.message.CommandResultMessage;
import io.otedama.protocol.message.CommandStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent replacing itself: the jar is swapped and the restart command runs (a harmless one that
 * appends to a file); the "restarted" agent (a new {@link UpdateHealthWatch} on the same files)
 * reports installed when healthy, and rolls back on its own when not.
 */
class SelfUpdateTest {
  static final ReleaseFixture RELEASE = new ReleaseFixture();
  @TempDir Path dir;
  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  final List<CommandResultMessage> results = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private Path jar() {
    return dir.resolve("otedama-agent.jar");
  }

  private Path restarts() {
    return dir.resolve("restarts.log");
  }

  private RestartCommand restart() {
    return new RestartCommand(List.of("sh", "-c", "echo restart >> '" + restarts() + "'"));
  }

  private Path marker() {
    return dir.resolve("state/update-pending.json");
  }

  private long restartCount() throws Exception {
    return Files.exists(restarts()) ? Files.readAllLines(restarts()).size() : 0;
  }

  /** Installs release 2.0 over a 1.0 jar; returns the new jar's bytes. */
  private byte[] installNewRelease() throws Exception {
    Files.write(jar(), "release 1.0".getBytes());
    byte[] release = ReleaseFixture.bytes(20_000, 7);
    FirmwareUpdater updater =
        new FirmwareUpdater(
            FirmwareUpdaterTest.downloader(),
            new ArtifactVerifier(RELEASE.trusted()),
            new SelfUpdateInstaller(new InstallLayout(jar()), restart(), marker(), "1.0"),
            dir.resolve("downloads"));
    CommandOutcome outcome;
    try (ArtifactServer server = new ArtifactServer(release, 0, true)) {
      outcome = updater.update("cmd-7", RELEASE.args(server.url(), release, "2.0"), (s, d) -> {});
    }
    assertThat(outcome.status()).as(outcome.message()).isEqualTo(CommandStatus.ACKED);
    assertThat(outcome.details()).containsEntry("stage", "installing");
    assertThat(Files.readAllBytes(jar())).isEqualTo(release);
    assertThat(Files.readString(dir.resolve("otedama-agent.jar.previous")))
        .isEqualTo("release 1.0");
    assertThat(PendingUpdate.read(marker()))
        .get()
        .extracting(PendingUpdate::phase)
        .isEqualTo(PendingUpdate.AWAITING_HEALTH);
    await().atMost(Duration.ofSeconds(10)).until(() -> restartCount() == 1);
    return release;
  }

  private UpdateHealthWatch restartedAgent(UpdateHealthWatch.HealthProbe probe, int maxBoots) {
    return new UpdateHealthWatch(
        marker(),
        new InstallLayout(jar()),
        restart(),
        Duration.ofMillis(600),
        maxBoots,
        probe,
        results::add,
        scheduler,
        Clock.systemUTC());
  }

  @Test
  void aHealthyNewVersionReportsInstalled() throws Exception {
    byte[] release = installNewRelease();
    AtomicReference<Optional<String>> health =
        new AtomicReference<>(Optional.of("not connected to the broker"));
    UpdateHealthWatch watch = restartedAgent(health::get, 3);
    watch.start();
    health.set(Optional.empty()); // it connects, reports telemetry, its devices run

    await().atMost(Duration.ofSeconds(10)).until(() -> watch.outcome().equals("installed"));
    assertThat(results)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.id()).isEqualTo("cmd-7");
          assertThat(r.status()).isEqualTo(CommandStatus.SUCCEEDED);
          assertThat(r.details())
              .containsEntry("stage", "installed")
              .containsEntry("version", "2.0");
        });
    assertThat(Files.exists(marker())).isFalse();
    assertThat(Files.readAllBytes(jar())).isEqualTo(release);
  }

  @Test
  void aBadReleaseIsRolledBackAutomatically() throws Exception {
    byte[] release = installNewRelease();
    UpdateHealthWatch watch = restartedAgent(() -> Optional.of("device sim0 is hung"), 3);
    watch.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> watch.outcome().equals("rolled-back"));
    assertThat(Files.readString(jar())).isEqualTo("release 1.0");
    assertThat(Files.readAllBytes(dir.resolve("otedama-agent.jar.failed"))).isEqualTo(release);
    await().atMost(Duration.ofSeconds(10)).until(() -> restartCount() == 2);
    assertThat(results)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.status()).isEqualTo(CommandStatus.FAILED);
          assertThat(r.message()).startsWith("rolled back to 1.0: health check failed");
          assertThat(r.message()).contains("device sim0 is hung");
          assertThat(r.details()).containsEntry("stage", "rolled-back");
        });

    // the previous version starts again: it reports the rollback once more and clears the marker
    results.clear();
    UpdateHealthWatch old = restartedAgent(Optional::empty, 3);
    old.start();
    assertThat(old.outcome()).isEqualTo("rolled-back");
    assertThat(results)
        .singleElement()
        .extracting(CommandResultMessage::status)
        .isEqualTo(CommandStatus.FAILED);
    assertThat(Files.exists(marker())).isFalse();
  }

  @Test
  void aCrashLoopingReleaseIsRolledBackOnTheNextStart() throws Exception {
    installNewRelease();
    // two starts that died before their health check could pass
    for (int i = 0; i < 2; i++) {
      ScheduledExecutorService dies = Executors.newSingleThreadScheduledExecutor();
      new UpdateHealthWatch(
              marker(),
              new InstallLayout(jar()),
              restart(),
              Duration.ofSeconds(30),
              2,
              () -> Optional.of("starting"),
              results::add,
              dies,
              Clock.systemUTC())
          .start();
      dies.shutdownNow();
    }
    results.clear();
    UpdateHealthWatch third =
        new UpdateHealthWatch(
            marker(),
            new InstallLayout(jar()),
            restart(),
            Duration.ofSeconds(30),
            2,
            Optional::empty,
            results::add,
            scheduler,
            Clock.systemUTC());
    third.start();
    assertThat(third.outcome()).isEqualTo("rolled-back");
    assertThat(Files.readString(jar())).isEqualTo("release 1.0");
    assertThat(results)
        .singleElement()
        .satisfies(
            r -> assertThat(r.message()).contains("2 starts without passing the health check"));
  }
}
