package io.otedama.controller.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otedama.controller.api.ApiException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One command to many rigs. The batch row and its size are stored at once and the id returned; each
 * rig's command is then issued in the background as an ordinary command (row first, then the
 * transport) tagged with the batch, so thousands of rigs do not hold the request open and progress
 * is a count over the rows. A rig that disappeared meanwhile is recorded as refused.
 */
public class CommandBatches {
  /** More rigs than this in one batch is refused: split it (or narrow the filter). */
  public static final int MAX_RIGS = 20_000;

  /** How many failures a progress reply lists (all are counted). */
  public static final int FAILURES_LISTED = 200;

  /** Rigs per round trip: one multi-row insert and one update per chunk. */
  private static final int CHUNK = 500;

  private static final Logger LOG = LoggerFactory.getLogger(CommandBatches.class);
  private final CommandService commands;
  private final CommandBatchStore store;
  private final RigSelector selector;
  private final Executor executor;
  private final ObjectMapper json;
  private final Clock clock;

  CommandBatches(
      CommandService commands,
      CommandBatchStore store,
      RigSelector selector,
      Executor executor,
      ObjectMapper json,
      Clock clock) {
    this.commands = commands;
    this.store = store;
    this.selector = selector;
    this.executor = executor;
    this.json = json;
    this.clock = clock;
  }

  /** Which rigs: the listed ids, or every rig matching the rigs table's filters. */
  public record RigFilter(String status, String group, String q) {}

  /**
   * Checks the command, fixes the rig list and starts issuing; returns the batch as it stands.
   *
   * @throws ApiException 400 for a bad command, no rigs, both or neither of ids and filter, or too
   *     many rigs
   */
  public CommandBatch start(
      String type,
      JsonNode args,
      List<String> rigIds,
      RigFilter filter,
      Integer timeoutSeconds,
      String issuedBy) {
    Map<String, Object> checked = commands.check(type, args, timeoutSeconds);
    if ((rigIds == null) == (filter == null)) {
      throw ApiException.badRequest(
          "A batch names its rigs with either rigIds (a list of ids) or filter"
              + " ({status, group, q}), not both and not neither.");
    }
    List<String> targets;
    if (rigIds != null) {
      if (rigIds.size() > MAX_RIGS) {
        throw tooMany(rigIds.size());
      }
      LinkedHashSet<String> unique = new LinkedHashSet<>();
      for (String id : rigIds) {
        if (id == null || id.isBlank() || id.length() > 128) {
          throw ApiException.badRequest("rigIds holds an empty or over-long rig id.");
        }
        unique.add(id);
      }
      targets = List.copyOf(unique);
    } else {
      targets = selector.matching(filter.status(), filter.group(), filter.q(), MAX_RIGS + 1);
      if (targets.size() > MAX_RIGS) {
        throw tooMany(targets.size());
      }
    }
    if (targets.isEmpty()) {
      throw ApiException.badRequest("The batch names no rigs: no rig matches.");
    }
    String id = UUID.randomUUID().toString();
    store.insert(id, type, toJson(checked), targets.size(), issuedBy, clock.instant());
    executor.execute(() -> issueAll(id, type, checked, targets, timeoutSeconds, issuedBy));
    return progress(id);
  }

  public CommandBatch progress(String id) {
    return store
        .progress(id, FAILURES_LISTED)
        .orElseThrow(
            () -> ApiException.notFound("There is no command batch with id '" + id + "'."));
  }

  public List<CommandBatch> recent(int limit) {
    return store.recent(limit);
  }

  private void issueAll(
      String id,
      String type,
      Map<String, Object> checkedArgs,
      List<String> rigIds,
      Integer timeoutSeconds,
      String issuedBy) {
    int[] refused = {0};
    try {
      for (int from = 0; from < rigIds.size(); from += CHUNK) {
        List<String> chunk = rigIds.subList(from, Math.min(rigIds.size(), from + CHUNK));
        try {
          commands.issueMany(
              chunk,
              type,
              checkedArgs,
              timeoutSeconds,
              issuedBy,
              id,
              (rigId, reason) -> {
                refused[0]++;
                store.refuse(id, rigId, reason);
              });
        } catch (RuntimeException e) {
          // the chunk's rows were not stored (one transaction): say so for each of its rigs
          LOG.warn("Batch {}: {} commands could not be queued", id, chunk.size(), e);
          for (String rigId : chunk) {
            refused[0]++;
            store.refuse(id, rigId, "could not be queued: " + e.getMessage());
          }
        }
      }
    } finally {
      store.markQueued(id, clock.instant());
      LOG.info(
          "Batch {} ({}) queued for {} rigs, {} refused",
          id,
          type,
          rigIds.size() - refused[0],
          refused[0]);
    }
  }

  private static ApiException tooMany(int n) {
    return ApiException.badRequest(
        "A batch is limited to " + MAX_RIGS + " rigs; this one names " + n + ". Split it.");
  }

  private String toJson(Map<String, Object> args) {
    try {
      return json.writeValueAsString(args);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Command args could not be written as JSON", e);
    }
  }
}
