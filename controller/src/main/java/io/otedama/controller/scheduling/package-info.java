/**
 * Scheduling: one clustered Quartz 2.5 scheduler per controller replica on the JDBC job store in
 * the controller's PostgreSQL (tables from migration V130), so each job fires once across replicas.
 * Jobs are {@link io.otedama.controller.scheduling.ScheduledTask}s that features hand to {@link
 * io.otedama.controller.scheduling.SchedulingFeature}; this package knows nothing of what they do.
 * It owns the job run log (V131), the job metrics ({@code otedama_quartz_job_*}) and {@code
 * /api/v1/jobs}. Depends on Quartz, Jdbi, Micrometer, Dropwizard and the auth roles only.
 */
package io.otedama.controller.scheduling;
