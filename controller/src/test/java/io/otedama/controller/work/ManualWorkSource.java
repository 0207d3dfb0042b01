package io.otedama.controller.work;

import io.otedama.hashing.Algorithm;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A work source the test drives by hand: it issues the jobs the test gives it and answers every
 * submit with the result the test set, recording what was submitted. It stands in for a pool at the
 * {@link WorkSource} seam, where only the job stream matters.
 */
public final class ManualWorkSource implements WorkSource {
  private final String name;
  private final List<WorkSourceListener> listeners = new CopyOnWriteArrayList<>();
  public final List<UpstreamShare> submitted = new CopyOnWriteArrayList<>();
  private volatile SourceJob current;
  private volatile UpstreamResult answer;

  public ManualWorkSource(String name) {
    this.name = name;
    this.answer = UpstreamResult.accepted(name);
  }

  public void answerWith(UpstreamResult result) {
    this.answer = result;
  }

  public void issue(SourceJob job) {
    current = job;
    for (WorkSourceListener l : listeners) {
      l.onJob(job);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Algorithm algorithm() {
    return Algorithm.SHA256D;
  }

  @Override
  public void start() {}

  @Override
  public void addListener(WorkSourceListener listener) {
    listeners.add(listener);
  }

  @Override
  public Optional<SourceJob> currentJob() {
    return Optional.ofNullable(current);
  }

  @Override
  public CompletableFuture<UpstreamResult> submit(UpstreamShare share) {
    submitted.add(share);
    return CompletableFuture.completedFuture(answer);
  }

  @Override
  public void close() {}
}
