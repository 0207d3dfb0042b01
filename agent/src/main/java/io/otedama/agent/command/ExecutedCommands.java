package io.otedama.agent.command;

import io.otedama.protocol.message.CommandStatus;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command ids this agent has already executed, with their last result, so that a command
 * delivered twice (QoS 1 redelivery, a controller retry, a replay after a restart) runs once. The
 * newest {@code capacity} ids are kept; with a file they survive restarts (an id is written before
 * its command starts, so a {@code reboot} is never repeated after the reboot). The file is an
 * append-only log of tab-separated lines, compacted when it holds twice the capacity.
 */
public final class ExecutedCommands {
  private static final System.Logger LOG = System.getLogger(ExecutedCommands.class.getName());

  /** What is remembered of a command: its status so far and the result message. */
  public record Entry(String id, CommandStatus status, String message) {}

  private final Path file;
  private final int capacity;
  private final LinkedHashMap<String, Entry> entries;
  private int linesInFile;

  /** Remembers in memory only. */
  public static ExecutedCommands inMemory(int capacity) {
    return new ExecutedCommands(null, capacity);
  }

  /** Remembers in {@code file}, loading what it already holds. */
  public static ExecutedCommands persistent(Path file, int capacity) {
    return new ExecutedCommands(file, capacity);
  }

  private ExecutedCommands(Path file, int capacity) {
    this.file = file;
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, ExecutedCommands.Entry> eldest) {
            return size() > ExecutedCommands.this.capacity;
          }
        };
    if (file != null) {
      load();
    }
  }

  private void load() {
    if (!Files.exists(file)) {
      return;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        linesInFile++;
        String[] parts = line.split("\t", 3);
        if (parts.length < 2) {
          continue; // a torn last line
        }
        CommandStatus status = status(parts[1]);
        if (status != null) {
          entries.remove(parts[0]);
          entries.put(
              parts[0], new Entry(parts[0], status, parts.length > 2 ? unescape(parts[2]) : null));
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot read {0}, starting with no remembered commands: {1}", file, e);
    }
  }

  public synchronized Optional<Entry> lookup(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  /**
   * Records that {@code id} starts now (as {@code acked}); false when it was seen before, in which
   * case it must not run.
   */
  public synchronized boolean begin(String id) {
    if (entries.containsKey(id)) {
      return false;
    }
    record(new Entry(id, CommandStatus.ACKED, null));
    return true;
  }

  /** Records the final result of {@code id}. */
  public synchronized void finish(String id, CommandStatus status, String message) {
    record(new Entry(id, status, message));
  }

  private void record(Entry entry) {
    entries.remove(entry.id());
    entries.put(entry.id(), entry);
    if (file == null) {
      return;
    }
    try {
      if (linesInFile >= 2 * capacity) {
        compact();
      } else {
        Files.writeString(
            file,
            line(entry),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        linesInFile++;
      }
    } catch (IOException e) {
      // still remembered in memory; after a restart a redelivered command could run again
      LOG.log(
          Level.WARNING, "cannot record command {0} in {1}: {2}", entry.id(), file, e.toString());
    }
  }

  private void compact() throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Entry e : entries.values()) {
      lines.add(line(e));
      text.append(line(e));
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    linesInFile = lines.size();
  }

  private static String line(Entry e) {
    return e.id() + "\t" + e.status().wireName() + "\t" + escape(e.message()) + "\n";
  }

  private static CommandStatus status(String wire) {
    for (CommandStatus s : CommandStatus.values()) {
      if (s.wireName().equals(wire)) {
        return s;
      }
    }
    return null;
  }

  private static String escape(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String s) {
    if (s.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(
            switch (n) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              default -> n;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
