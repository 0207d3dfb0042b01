package io.otedama.controller.commands;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code otedama_commands_total{type,status}}: commands entering each status. */
public class CommandMetrics {
  private final MeterRegistry registry;

  public CommandMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void entered(String type, String status) {
    Counter.builder("otedama.commands")
        .description("Commands entering each status, by type")
        .tag("type", type)
        .tag("status", status)
        .register(registry)
        .increment();
  }
}
