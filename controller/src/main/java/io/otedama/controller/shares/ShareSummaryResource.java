package io.otedama.controller.shares;

import io.otedama.controller.api.ApiException;
import io.otedama.controller.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/v1/shares/summary?from=&to=&rig=} (CONTRACTS §4): accepted and rejected shares by
 * reason, in total and per rig; by default over the last 24 hours. {@code from} and {@code to} are
 * ISO-8601 instants or epoch milliseconds, widened to whole hours.
 */
@Path("/api/v1/shares")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class ShareSummaryResource {
  private final ShareSummaryQuery query;
  private final Clock clock;

  public ShareSummaryResource(ShareSummaryQuery query, Clock clock) {
    this.query = query;
    this.clock = clock;
  }

  @GET
  @Path("/summary")
  public ShareSummary summary(
      @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("rig") String rig) {
    Instant end = to == null || to.isBlank() ? clock.instant() : instant("to", to);
    Instant start =
        from == null || from.isBlank() ? end.minus(Duration.ofHours(24)) : instant("from", from);
    if (!start.isBefore(end)) {
      throw ApiException.badRequest("'from' must be before 'to'.");
    }
    if (Duration.between(start, end).compareTo(Duration.ofDays(366)) > 0) {
      throw ApiException.badRequest("The range may be at most 366 days.");
    }
    return query.summary(start, end, rig == null || rig.isBlank() ? null : rig.strip());
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      try {
        return Instant.ofEpochMilli(Long.parseLong(value.strip()));
      } catch (NumberFormatException ignored) {
        throw ApiException.badRequest(
            "'"
                + name
                + "' must be an ISO-8601 instant (2026-01-31T12:00:00Z) or epoch milliseconds.");
      }
    }
  }
}
