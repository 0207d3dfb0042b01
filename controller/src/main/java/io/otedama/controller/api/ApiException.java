package io.otedama.controller.api;

import jakarta.ws.rs.core.Response;

/**
 * A request the API refuses with a specific status and a sentence saying why. Thrown by feature
 * services; mapped to {@link ApiError} by {@link ApiExceptionMapper}.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(Response.Status.BAD_REQUEST.getStatusCode(), message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(Response.Status.NOT_FOUND.getStatusCode(), message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(Response.Status.CONFLICT.getStatusCode(), message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(Response.Status.FORBIDDEN.getStatusCode(), message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(Response.Status.UNAUTHORIZED.getStatusCode(), message);
  }
}
