package io.otedama.controller;

import io.dropwizard.core.setup.Environment;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.otedama.controller.commands.CommandResultSink;
import io.otedama.controller.fleet.RigAuthenticator;
import io.otedama.controller.fleet.RigPresenceSink;
import io.otedama.controller.mqtt.ShareBatchHandler;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import org.jdbi.v3.core.Jdbi;

/**
 * What the platform hands to edges (the MQTT transport) and later features: the configuration, the
 * Dropwizard environment (lifecycle, health checks, Jersey), the clock, the database, the shared
 * meter registry and scheduler, and the fleet, command and share seams the transport calls into.
 */
public record ControllerCore(
    OtedamaConfiguration config,
    Environment environment,
    Clock clock,
    Jdbi jdbi,
    PrometheusMeterRegistry meterRegistry,
    ScheduledExecutorService scheduler,
    RigPresenceSink presence,
    RigAuthenticator rigAuthenticator,
    CommandResultSink commandResults,
    ShareBatchHandler shares) {}
