package io.otedama.controller.work;

/** Makes the work source of a profile (a pool list with failover, or the local source). */
@FunctionalInterface
public interface WorkSourceFactory {
  WorkSource create(WorkProfile profile);
}
