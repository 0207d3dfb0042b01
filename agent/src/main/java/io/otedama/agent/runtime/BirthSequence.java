package io.otedama.agent.runtime;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The birth {@code seq}: grows with every connect of this agent installation, across restarts (a
 * file next to the spool), so the controller can tell a stale Last Will from the current session.
 */
public final class BirthSequence implements LongSupplier {
  private static final System.Logger LOG = System.getLogger(BirthSequence.class.getName());

  private final Path file;
  private final AtomicLong last;

  /** Kept in memory only (simulated rigs). */
  public static BirthSequence inMemory() {
    return new BirthSequence(null, 0);
  }

  /** Kept in {@code file}. */
  public static BirthSequence persistent(Path file) {
    long start = 0;
    try {
      if (Files.exists(file)) {
        start = Long.parseLong(Files.readString(file).strip());
      }
    } catch (IOException | NumberFormatException e) {
      // a lost counter only restarts the numbering: use the clock so it still grows
      start = System.currentTimeMillis() / 1000;
      LOG.log(
          Level.WARNING, "cannot read {0}, continuing from {1}: {2}", file, start, e.toString());
    }
    return new BirthSequence(file, start);
  }

  private BirthSequence(Path file, long start) {
    this.file = file;
    this.last = new AtomicLong(start);
  }

  @Override
  public long getAsLong() {
    long next = last.incrementAndGet();
    if (file != null) {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try {
        Files.writeString(tmp, next + "\n", StandardCharsets.US_ASCII);
        try {
          Files.move(
              tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        LOG.log(Level.WARNING, "cannot write {0}: {1}", file, e.toString());
      }
    }
    return next;
  }
}
