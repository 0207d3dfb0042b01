package io.otedama.controller.scheduling;

import java.time.Instant;

/** One run of a job, as the run log keeps it; {@code finishedAt} is null while it runs. */
public record JobRun(
    long id,
    String job,
    String instance,
    boolean manual,
    Instant scheduledAt,
    Instant startedAt,
    Instant finishedAt,
    String outcome,
    String detail) {}
