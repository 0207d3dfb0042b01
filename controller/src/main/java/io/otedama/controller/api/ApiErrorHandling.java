package io.otedama.controller.api;

import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.errors.EarlyEofExceptionMapper;

/**
 * Replaces Dropwizard's default exception mappers (whose validation errors have another shape) with
 * the API's JSON error shape everywhere.
 */
public final class ApiErrorHandling {
  private ApiErrorHandling() {}

  public static void install(io.dropwizard.core.Configuration config, Environment environment) {
    if (config.getServerFactory() instanceof AbstractServerFactory server) {
      server.setRegisterDefaultExceptionMappers(false);
    }
    var jersey = environment.jersey();
    jersey.register(new ApiExceptionMapper());
    jersey.register(new WebApplicationExceptionMapper());
    jersey.register(new JsonBodyExceptionMapper());
    jersey.register(new ValidationExceptionMapper());
    jersey.register(new EarlyEofExceptionMapper());
    jersey.register(new UnexpectedExceptionMapper());
  }
}
