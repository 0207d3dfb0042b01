package io.otedama.controller.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.servlets.assets.AssetServlet;
import io.otedama.controller.fleet.RigQueries;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the console: the page at {@code /}, its assets under {@code /console/*}, WebJars under
 * {@code /webjars/*} (servlet prefix mappings win over Jersey's {@code /*}), and the fleet event
 * stream with its periodic push.
 */
public final class ConsoleFeature {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleFeature.class);

  /** How often the stream checks the summary for changes: "live" for a person watching. */
  public static final Duration PUSH_INTERVAL = Duration.ofSeconds(2);

  private ConsoleFeature() {}

  public static FleetEventStream install(
      RigQueries queries,
      ObjectMapper json,
      ScheduledExecutorService scheduler,
      Environment environment) {
    environment
        .servlets()
        .addServlet(
            "console-assets",
            new AssetServlet("/console", "/console", "index.html", StandardCharsets.UTF_8))
        .addMapping("/console/*");
    environment
        .servlets()
        .addServlet(
            "webjars",
            new AssetServlet(
                "/META-INF/resources/webjars", "/webjars", null, StandardCharsets.UTF_8))
        .addMapping("/webjars/*");
    FleetEventStream stream = new FleetEventStream(new FleetSnapshots(queries), json);
    environment.jersey().register(new ConsolePageResource());
    environment.jersey().register(stream);
    // an open stream is a request in progress: without this, a graceful shutdown would wait the
    // whole grace period for browsers that keep the overview open
    environment
        .lifecycle()
        .addEventListener(
            new LifeCycle.Listener() {
              @Override
              public void lifeCycleStopping(LifeCycle event) {
                stream.closeAll();
              }
            });
    environment
        .lifecycle()
        .manage(
            new Managed() {
              private ScheduledFuture<?> task;

              @Override
              public void start() {
                long millis = PUSH_INTERVAL.toMillis();
                task =
                    scheduler.scheduleWithFixedDelay(
                        () -> {
                          try {
                            stream.push();
                          } catch (RuntimeException e) {
                            LOG.warn("The fleet event push failed; it runs again shortly", e);
                          }
                        },
                        millis,
                        millis,
                        TimeUnit.MILLISECONDS);
              }

              @Override
              public void stop() {
                if (task != null) {
                  task.cancel(false);
                }
                stream.closeAll();
              }
            });
    return stream;
  }
}
