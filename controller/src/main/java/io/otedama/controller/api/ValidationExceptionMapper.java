package io.otedama.controller.api;

import io.dropwizard.jersey.validation.ConstraintMessage;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;

/**
 * Hibernate Validator failures on request bodies and parameters, as one 400 sentence listing each
 * violated constraint ("name must not be blank; uses must be greater than or equal to 1").
 */
public class ValidationExceptionMapper implements ExceptionMapper<JerseyViolationException> {
  @Override
  public Response toResponse(JerseyViolationException e) {
    String details =
        e.getConstraintViolations().stream()
            .map(v -> ConstraintMessage.getMessage(v, e.getInvocable()))
            .sorted()
            .collect(Collectors.joining("; "));
    // Dropwizard says 422 for bodies and 400 for parameters; the API says 400 for both. A
    // violated constraint on a return value is the server's fault.
    int status =
        ConstraintMessage.determineStatus(e.getConstraintViolations(), e.getInvocable()) >= 500
            ? 500
            : 400;
    String message =
        details.isEmpty() ? "The request is invalid." : "The request is invalid: " + details + ".";
    return ErrorResponses.of(status, message);
  }
}
