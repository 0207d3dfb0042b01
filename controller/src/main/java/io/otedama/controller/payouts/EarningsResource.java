package io.otedama.controller.payouts;

import com.fasterxml.jackson.databind.JsonNode;
import io.otedama.controller.api.ApiException;
import io.otedama.controller.auth.AuditFilter;
import io.otedama.controller.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The farm's earnings in: upstream pool earnings per period ({@code POST /api/v1/earnings} with
 * {@code {"pool","periodStart","periodEnd","amountSats"}}, or {@code POST /api/v1/earnings/import}
 * with the CSV of {@link PoolEarningsCsv}), and the blocks the local source found ({@code GET
 * /api/v1/earnings/blocks}). Booking is idempotent per pool and period.
 */
@Path("/api/v1/earnings")
@Produces(MediaType.APPLICATION_JSON)
public class EarningsResource {
  private final PayoutService payouts;
  private final Jdbi jdbi;

  public EarningsResource(PayoutService payouts, Jdbi jdbi) {
    this.payouts = payouts;
    this.jdbi = jdbi;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public Response book(JsonNode body, @Context ContainerRequestContext request) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest(
          "The body must be {\"pool\",\"periodStart\",\"periodEnd\",\"amountSats\"}.");
    }
    PoolEarning earning =
        PayoutErrors.call(() ->
            new PoolEarning(
                AccountsResource.text(body, "pool"),
                new AccountingPeriod(instant(body, "periodStart"), instant(body, "periodEnd")),
                AccountsResource.requiredLong(body, "amountSats")));
    Booking booking = PayoutErrors.call(() -> payouts.bookPoolEarnings(earning));
    request.setProperty(AuditFilter.DETAIL, booking.key());
    return Response.status(booking.bookedNow() ? 201 : 200).entity(booking).build();
  }

  /**
   * Imports a CSV ({@code pool,period_start,period_end,amount_sats}). The whole file is checked
   * first; then each line is booked (lines booked before are skipped, so a re-import is safe).
   */
  @POST
  @Path("/import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  @RolesAllowed(Roles.ADMIN)
  public Map<String, Object> importCsv(String csv, @Context ContainerRequestContext request) {
    List<PoolEarning> earnings =
        PayoutErrors.call(() -> PoolEarningsCsv.parse(csv == null ? "" : csv));
    List<Booking> bookings = new ArrayList<>();
    for (PoolEarning earning : earnings) {
      bookings.add(PayoutErrors.call(() -> payouts.bookPoolEarnings(earning)));
    }
    long booked = bookings.stream().filter(Booking::bookedNow).count();
    request.setProperty(AuditFilter.DETAIL, "pool earnings import: " + booked + " booked");
    return Map.of("lines", earnings.size(), "booked", booked, "bookings", bookings);
  }

  /** Blocks found by the local source, newest first (at most 500). */
  @GET
  @Path("/blocks")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
  public Map<String, Object> blocks() {
    List<Map<String, Object>> items =
        jdbi.withHandle(h ->
            h.createQuery(
                    """
                    SELECT hash, height, subsidy_sats + fees_sats AS reward_sats, found_at,
                           distributed_run_id
                      FROM payout_blocks ORDER BY found_at DESC, height DESC LIMIT 500\
                    """)
                .map((rs, ctx) -> {
                  Map<String, Object> block = new java.util.LinkedHashMap<>();
                  block.put("hash", rs.getString("hash"));
                  block.put("height", rs.getLong("height"));
                  block.put("rewardSats", rs.getLong("reward_sats"));
                  block.put("foundAt", rs.getTimestamp("found_at").toInstant());
                  long run = rs.getLong("distributed_run_id");
                  block.put("distributedByRun", rs.wasNull() ? null : run);
                  return block;
                })
                .list());
    return Map.of("items", items, "total", items.size());
  }

  private static Instant instant(JsonNode body, String field) {
    String text = AccountsResource.text(body, field);
    if (text == null) {
      throw new IllegalArgumentException("'" + field + "' is required (ISO-8601)");
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + field + "' must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
    }
  }
}
