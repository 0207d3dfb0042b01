package io.otedama.ansible;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion with a time limit and captures its output. */
final class ExternalProcess {

  private ExternalProcess() {}

  /**
   * Runs {@code command} in {@code workDir} with {@code environment} added to this process's
   * environment. Output goes through files so a chatty program never blocks on a full pipe; a
   * program still running after {@code timeout} is killed and the call fails.
   */
  static ProcessOutcome run(
      Path workDir, Duration timeout, Map<String, String> environment, List<String> command) {
    try {
      Path out = Files.createTempFile("otedama-proc", ".out");
      Path err = Files.createTempFile("otedama-proc", ".err");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          throw new AssertionError(
              command + " did not finish within " + timeout + "; output so far:\n" + read(out));
        }
        return new ProcessOutcome(process.exitValue(), read(out), read(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not run " + command + " (is Debian's package installed? ./scripts/test does it)",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
