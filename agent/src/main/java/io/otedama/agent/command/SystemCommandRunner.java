package io.otedama.agent.command;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a system command (the {@code reboot} command) and reports its exit and output. */
public final class SystemCommandRunner {
  /** The result: exit code (-1 when it timed out) and the tail of its output. */
  public record Result(int exitCode, String output) {}

  private static final int MAX_OUTPUT = 2000;

  private SystemCommandRunner() {}

  /**
   * Runs {@code command} with stdin from /dev/null and waits up to {@code timeout}; on timeout the
   * process is killed.
   *
   * @throws IOException when it cannot be started (not found, not executable)
   */
  public static Result run(List<String> command, Duration timeout)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    // read concurrently: a chatty command would otherwise block on a full pipe
    Thread reader =
        Thread.ofVirtual()
            .start(() -> {
              try (InputStream in = process.getInputStream()) {
                in.transferTo(output);
              } catch (IOException e) {
                // the process went away; keep what was read
              }
            });
    boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    reader.join(2_000);
    String text;
    synchronized (output) {
      text = output.toString(StandardCharsets.UTF_8).strip();
    }
    if (text.length() > MAX_OUTPUT) {
      text = "..." + text.substring(text.length() - MAX_OUTPUT);
    }
    return new Result(exited ? process.exitValue() : -1, text);
  }
}
