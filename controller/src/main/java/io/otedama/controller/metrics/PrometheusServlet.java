package io.otedama.controller.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Serves the registry in the Prometheus text format on the admin port. */
public class PrometheusServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
  private final transient PrometheusMeterRegistry registry;

  public PrometheusServlet(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(TEXT_FORMAT);
    response.setHeader("Cache-Control", "no-cache");
    registry.scrape(response.getOutputStream());
  }
}
