package io.otedama.ansible;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * The test's stand-in for systemd running {@code otedama-agent.service}: starts the unit's {@code
 * ExecStart} in its working directory, and whenever the role asks for a restart (it touches {@code
 * restart-requested} in the state directory when it does not manage systemd) stops the agent and
 * starts the unit's ExecStart again, as {@code systemctl restart} would.
 */
final class AgentUnit implements AutoCloseable {

  private final Path unitFile;
  private final Path workDir;
  private final Path log;
  private final Path restartFlag;
  private final AtomicLong starts = new AtomicLong();
  private final WatchService events;
  private final Thread watcher;
  private volatile Process process;
  private volatile boolean closed;

  private AgentUnit(Path unitFile, Path workDir, Path log) {
    this.unitFile = unitFile;
    this.workDir = workDir;
    this.log = log;
    this.restartFlag = workDir.resolve("restart-requested");
    try {
      // registered before the first start, so no restart request can be missed
      this.events = workDir.getFileSystem().newWatchService();
      workDir.register(
          events, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch " + workDir + " for restart requests", e);
    }
    start();
    this.watcher = Thread.ofVirtual().name("agent-unit").start(this::watch);
  }

  /** Starts the unit now (a pending restart request is consumed: this is the start it asks for). */
  static AgentUnit supervise(Path unitFile, Path workDir, Path log) throws IOException {
    Files.deleteIfExists(workDir.resolve("restart-requested"));
    return new AgentUnit(unitFile, workDir, log);
  }

  /** The unit's ExecStart, split at whitespace (the role writes no quoted arguments). */
  static List<String> execStart(String unit) {
    String line =
        unit.lines()
            .filter(l -> l.startsWith("ExecStart="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no ExecStart in\n" + unit));
    return Arrays.asList(line.substring("ExecStart=".length()).trim().split("\\s+"));
  }

  /**
   * A copy of {@code jar} with one more entry, so it differs byte for byte (a new release as far as
   * the role's copy is concerned) and still runs the same agent.
   */
  static Path rebuiltJar(Path jar, Path target) throws IOException {
    try (JarFile in = new JarFile(jar.toFile());
        JarOutputStream out =
            new JarOutputStream(Files.newOutputStream(target), in.getManifest())) {
      for (JarEntry entry : in.stream().toList()) {
        if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
          continue;
        }
        out.putNextEntry(new JarEntry(entry.getName()));
        try (InputStream data = in.getInputStream(entry)) {
          data.transferTo(out);
        }
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/otedama-test-release.txt"));
      out.write("rebuilt by the ansible tests as the next release\n".getBytes());
      out.closeEntry();
    }
    return target;
  }

  /** How many times the agent was started. */
  long starts() {
    return starts.get();
  }

  boolean isRunning() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** Fails with the agent's log when it exited on its own. */
  void checkRunning() throws IOException {
    Process p = process;
    if (p != null && !p.isAlive()) {
      throw new AssertionError("the agent exited with " + p.exitValue() + ":\n" + log());
    }
  }

  String log() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "(no log)";
  }

  private void watch() {
    try {
      while (!closed) {
        WatchKey key = events.take();
        key.pollEvents();
        if (Files.deleteIfExists(restartFlag)) {
          restart();
        }
        key.reset();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + restartFlag, e);
    }
  }

  private synchronized void restart() {
    stopProcess();
    if (!closed) {
      start();
    }
  }

  private synchronized void start() {
    try {
      process =
          new ProcessBuilder(execStart(Files.readString(unitFile)))
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      starts.incrementAndGet();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the agent of " + unitFile, e);
    }
  }

  private void stopProcess() {
    Process p = process;
    if (p == null) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(15, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      events.close();
    } catch (IOException e) {
      // closing anyway
    }
    watcher.interrupt();
    synchronized (this) {
      stopProcess();
    }
  }
}
