package io.otedama.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to completion with a time limit and captures its output. Public for the ansible
 * module's tests (this module's test-jar).
 */
public final class ExternalProcess {

  private ExternalProcess() {}

  /**
   * Runs {@code command} in {@code workDir}; output goes through files so a chatty program can
   * never block on a full pipe. A program still running after {@code timeout} is killed and the
   * call fails.
   */
  public static ProcessOutcome run(Path workDir, Duration timeout, List<String> command) {
    return run(workDir, timeout, Map.of(), command, null);
  }

  /** Like {@link #run(Path, Duration, List)}, with {@code environment} added to this process's. */
  public static ProcessOutcome run(
      Path workDir, Duration timeout, Map<String, String> environment, List<String> command) {
    return run(workDir, timeout, environment, command, null);
  }

  /** Like {@link #run(Path, Duration, List)}, feeding {@code stdin} to the program's input. */
  public static ProcessOutcome runWithInput(Duration timeout, List<String> command, String stdin) {
    return run(Path.of("."), timeout, Map.of(), command, stdin);
  }

  private static ProcessOutcome run(
      Path workDir,
      Duration timeout,
      Map<String, String> environment,
      List<String> command,
      String stdin) {
    try {
      Path in = Files.createTempFile("otedama-proc", ".in");
      Path out = Files.createTempFile("otedama-proc", ".out");
      Path err = Files.createTempFile("otedama-proc", ".err");
      try {
        Files.writeString(in, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(in.toFile())
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
        Files.deleteIfExists(in);
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
