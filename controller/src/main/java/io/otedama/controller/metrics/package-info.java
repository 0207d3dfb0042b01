/**
 * The Micrometer registry every feature registers its meters on, its Prometheus exposition at
 * {@code :8081/prometheus}, and the JVM, Jetty and connection-pool metrics. Features own their own
 * meters (fleet gauges, command counters, ingest metrics); this package only hosts them.
 */
package io.otedama.controller.metrics;
