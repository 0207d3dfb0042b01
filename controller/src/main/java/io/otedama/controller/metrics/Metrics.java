package io.otedama.controller.metrics;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Creates the shared {@link PrometheusMeterRegistry}: JVM and process metrics from Micrometer's
 * binders; Jetty (requests, responses, thread pools) and connection-pool metrics from Dropwizard's
 * own metric registry, exported into the same scrape (Micrometer's JVM binders replace Dropwizard's
 * {@code jvm.*} metrics, which are left out).
 */
public final class Metrics {
  private Metrics() {}

  public static PrometheusMeterRegistry install(Environment environment) {
    PrometheusRegistry prometheus = new PrometheusRegistry();
    PrometheusMeterRegistry registry =
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, prometheus, Clock.SYSTEM);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);

    DropwizardExports.builder()
        .dropwizardRegistry(environment.metrics())
        .metricFilter((name, metric) -> !name.startsWith("jvm."))
        .register(prometheus);

    environment
        .admin()
        .addServlet("prometheus", new PrometheusServlet(registry))
        .addMapping("/prometheus");
    environment
        .lifecycle()
        .manage(
            new Managed() {
              @Override
              public void stop() {
                gc.close();
                registry.close();
              }
            });
    return registry;
  }
}
