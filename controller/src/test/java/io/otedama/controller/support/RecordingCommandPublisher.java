package io.otedama.controller.support;

import io.otedama.controller.commands.CommandPublisher;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The command transport seam in tests: records what would go to the rigs, and can be told to refuse
 * (as a disconnected broker would).
 */
public final class RecordingCommandPublisher implements CommandPublisher {
  public record Published(
      String rigId,
      String commandId,
      String type,
      Map<String, Object> args,
      Instant issuedAt,
      Instant expiresAt) {}

  private final List<Published> published = new CopyOnWriteArrayList<>();
  private volatile boolean refusing;

  @Override
  public void publish(
      String rigId,
      String commandId,
      String type,
      Map<String, Object> args,
      Instant issuedAt,
      Instant expiresAt) {
    if (refusing) {
      throw new IllegalStateException("broker unreachable (test)");
    }
    published.add(new Published(rigId, commandId, type, args, issuedAt, expiresAt));
  }

  public void refuse(boolean refuse) {
    this.refusing = refuse;
  }

  public List<Published> published() {
    return List.copyOf(published);
  }

  public List<Published> publishedFor(String commandId) {
    return published.stream().filter(p -> p.commandId().equals(commandId)).toList();
  }
}
