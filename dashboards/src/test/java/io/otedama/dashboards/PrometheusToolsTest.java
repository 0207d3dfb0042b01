package io.otedama.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Debian's {@code prometheus} package is installed: the other tests run its two programs. */
class PrometheusToolsTest {

  @Test
  void promtoolRuns() {
    ProcessOutcome outcome =
        ExternalProcess.run(Path.of("."), Duration.ofSeconds(30), List.of("promtool", "--version"));
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
    assertThat(outcome.stdout() + outcome.stderr()).contains("promtool, version 2.");
  }

  @Test
  void prometheusRuns() {
    ProcessOutcome outcome =
        ExternalProcess.run(
            Path.of("."), Duration.ofSeconds(30), List.of("prometheus", "--version"));
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
    assertThat(outcome.stdout() + outcome.stderr()).contains("prometheus, version 2.");
  }
}
