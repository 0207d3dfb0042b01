package io.otedama.controller.testing;

import io.otedama.controller.commands.CommandResultSink;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The commands feature's result seam, recording every call for assertions. */
public final class RecordingCommandResults implements CommandResultSink {

  public record Result(
      String rigId,
      String commandId,
      String status,
      String message,
      String detailsJson,
      Instant at) {}

  public final List<Result> results = new CopyOnWriteArrayList<>();

  @Override
  public void onResult(
      String rigId,
      String commandId,
      String status,
      String message,
      String detailsJson,
      Instant at) {
    results.add(new Result(rigId, commandId, status, message, detailsJson, at));
  }
}
