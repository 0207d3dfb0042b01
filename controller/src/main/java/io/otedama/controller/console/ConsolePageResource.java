package io.otedama.controller.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The console's single page at {@code /}. Routing happens in the browser (hash routes), so this is
 * the only HTML the server sends. The headers keep the page from being framed or loading anything
 * from elsewhere: farms are often offline, and the console must never depend on a CDN.
 */
@Path("/")
public class ConsolePageResource {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
  private final byte[] page;

  public ConsolePageResource() {
    try (InputStream in = ConsolePageResource.class.getResourceAsStream("/console/index.html")) {
      if (in == null) {
        throw new IllegalStateException("console/index.html is missing from the classpath");
      }
      page = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read console/index.html", e);
    }
  }

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
  public Response page() {
    return Response.ok(page)
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-cache")
        .build();
  }
}
