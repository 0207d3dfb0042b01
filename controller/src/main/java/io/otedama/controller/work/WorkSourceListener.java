package io.otedama.controller.work;

/** Told about every job a source issues, on the source's own thread: return quickly. */
@FunctionalInterface
public interface WorkSourceListener {
  void onJob(SourceJob job);
}
