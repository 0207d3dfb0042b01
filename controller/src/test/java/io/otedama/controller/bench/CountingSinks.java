package io.otedama.controller.bench;

import io.otedama.controller.commands.CommandResultSink;
import io.otedama.controller.fleet.RigBirth;
import io.otedama.controller.fleet.RigPresenceSink;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/** Stand-ins for the fleet and commands features in the benchmark: they only count calls. */
final class CountingSinks implements RigPresenceSink, CommandResultSink {

  final LongAdder births = new LongAdder();
  final LongAdder statuses = new LongAdder();
  final LongAdder heartbeats = new LongAdder();
  final LongAdder results = new LongAdder();

  @Override
  public void birth(String rigId, RigBirth birth) {
    births.increment();
  }

  @Override
  public void statusReported(String rigId, boolean online, String reason, Instant at) {
    statuses.increment();
  }

  @Override
  public void telemetrySeen(String rigId, Instant at) {
    heartbeats.increment();
  }

  @Override
  public void onResult(
      String rigId,
      String commandId,
      String status,
      String message,
      String detailsJson,
      Instant at) {
    results.increment();
  }
}
