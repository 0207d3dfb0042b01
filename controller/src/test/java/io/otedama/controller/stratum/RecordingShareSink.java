package io.otedama.controller.stratum;

import io.otedama.controller.shares.AcceptedShare;
import io.otedama.controller.shares.RejectReason;
import io.otedama.controller.shares.ShareSink;
import io.otedama.controller.shares.UpstreamAnswer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the share path recorded, for protocol tests that do not need the database. */
final class RecordingShareSink implements ShareSink {
  final List<AcceptedShare> accepted = new CopyOnWriteArrayList<>();
  final List<UpstreamAnswer> answers = new CopyOnWriteArrayList<>();
  final List<String> counted = new CopyOnWriteArrayList<>();

  @Override
  public boolean append(AcceptedShare share) {
    accepted.add(share);
    return true;
  }

  @Override
  public void appendAnswer(UpstreamAnswer answer) {
    answers.add(answer);
  }

  @Override
  public void count(String rigId, RejectReason reason, double difficulty, Instant at) {
    counted.add(rigId + ":" + (reason == null ? "accepted" : reason.wireName()));
  }
}
