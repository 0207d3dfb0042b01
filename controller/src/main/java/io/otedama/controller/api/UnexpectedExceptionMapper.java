package io.otedama.controller.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything unforeseen: logged with an id, answered with a 500 that carries the same id so an
 * operator can find the stack trace, never the stack trace itself.
 */
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
    LOG.error("Unexpected error {} handling a request", id, e);
    return ErrorResponses.of(
        500, "The server failed to handle the request (error id " + id + "); see its log.");
  }
}
