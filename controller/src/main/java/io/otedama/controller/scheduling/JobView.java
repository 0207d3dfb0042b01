package io.otedama.controller.scheduling;

import java.time.Instant;

/**
 * A job as {@code GET /api/v1/jobs} shows it.
 *
 * @param state the trigger's Quartz state ({@code normal}, {@code blocked} while it runs, {@code
 *     paused}, {@code error}, {@code none})
 * @param lastRun the newest run on any replica, or null if it never ran
 */
public record JobView(
    String name,
    String description,
    String schedule,
    String misfirePolicy,
    Instant nextRun,
    Instant previousFire,
    String state,
    boolean running,
    JobRun lastRun) {}
