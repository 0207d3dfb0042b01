package io.otedama.controller.shares;

import io.dropwizard.auth.Auth;
import io.otedama.controller.api.ApiException;
import io.otedama.controller.auth.Roles;
import io.otedama.controller.auth.User;
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
 * {@code GET /api/v1/shares/summary?from=&to=&rig=&account=&bucket=} (CONTRACTS §4): accepted and
 * rejected shares by reason, in total, per rig, per client account and per hour or day; by default
 * over the last 24 hours. {@code from} and {@code to} are ISO-8601 instants or epoch milliseconds,
 * widened to whole hours. A client user gets only its own account's rigs, whatever it asks for.
 */
@Path("/api/v1/shares")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.CLIENT})
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
      @Auth User user,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("rig") String rig,
      @QueryParam("account") String account,
      @QueryParam("bucket") String bucket) {
    Instant end = to == null || to.isBlank() ? clock.instant() : instant("to", to);
    Instant start =
        from == null || from.isBlank() ? end.minus(Duration.ofHours(24)) : instant("from", from);
    if (!start.isBefore(end)) {
      throw ApiException.badRequest("'from' must be before 'to'.");
    }
    if (Duration.between(start, end).compareTo(Duration.ofDays(366)) > 0) {
      throw ApiException.badRequest("The range may be at most 366 days.");
    }
    if (bucket != null && !bucket.isBlank() && !bucket.strip().matches("hour|day")) {
      throw ApiException.badRequest("'bucket' must be hour or day.");
    }
    Long accountId = accountOf(user, account);
    return query.summary(
        start,
        end,
        new ShareSummaryQuery.Scope(rig == null || rig.isBlank() ? null : rig.strip(), accountId),
        bucket == null || bucket.isBlank() ? null : bucket.strip());
  }

  /** The account to narrow to: a client's own (never another, -1 if it has none), else asked. */
  private static Long accountOf(User user, String asked) {
    if (user.hasRole(Roles.CLIENT)) {
      return user.accountId() == null ? -1L : user.accountId();
    }
    if (asked == null || asked.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(asked.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("'account' must be a client account id (a number).");
    }
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
