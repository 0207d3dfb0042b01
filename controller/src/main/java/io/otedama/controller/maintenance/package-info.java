/**
 * Database housekeeping run as Quartz jobs: telemetry rollups (1-minute and 1-hour aggregates),
 * telemetry retention (old raw partitions dropped, rollups kept longer), future telemetry
 * partitions, {@code ANALYZE} of the big tables, and removal of expired tokens, sessions and old
 * job runs. Depends on the shared schema (telemetry V1/V51/V133, auth V2, enrollment V3, scheduling
 * V131), the telemetry partition maintainer and the scheduling package's task type.
 */
package io.otedama.controller.maintenance;
