package io.otedama.controller.payouts;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.otedama.controller.api.ApiException;
import io.otedama.controller.auth.AuditFilter;
import io.otedama.controller.auth.Roles;
import io.otedama.controller.auth.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Payout batches (CONTRACTS §4 {@code GET /api/v1/payouts}): list (clients see only their own
 * payments), build the due batch now, export it as CSV or a bitcoind {@code sendmany} request, and
 * record the paying transaction.
 */
@Path("/api/v1/payouts")
@Produces(MediaType.APPLICATION_JSON)
public class PayoutsResource {
  private final PayoutService payouts;
  private final PayoutRunner runner;
  private final Runnable batchCreated;
  private final Clock clock;

  public PayoutsResource(
      PayoutService payouts, PayoutRunner runner, Runnable batchCreated, Clock clock) {
    this.payouts = payouts;
    this.runner = runner;
    this.batchCreated = batchCreated;
    this.clock = clock;
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.CLIENT})
  public Map<String, Object> list(@Auth User user) {
    List<PayoutBatch> items =
        payouts.batches().stream().map(b -> scoped(user, b)).filter(b -> b != null).toList();
    return Map.of("items", items, "total", items.size());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.CLIENT})
  public PayoutBatch get(@Auth User user, @PathParam("id") long id) {
    PayoutBatch batch = scoped(user, PayoutErrors.call(() -> payouts.batch(id)));
    if (batch == null) {
      throw ApiException.notFound("No payout batch " + id + ".");
    }
    return batch;
  }

  /**
   * Builds a batch now: with no body (or {@code {}}) the one due now, as the payout job would; with
   * {@code {"periodStart","periodEnd"}} that period's. 201 when created, 200 when it existed.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public Response build(JsonNode body, @Context ContainerRequestContext request) {
    BatchCreation creation;
    if (body == null || body.isNull() || body.isEmpty()) {
      creation = PayoutErrors.call(() -> runner.createDueBatch(clock.instant()));
    } else {
      AccountingPeriod period =
          PayoutErrors.call(
              () -> new AccountingPeriod(instant(body, "periodStart"), instant(body, "periodEnd")));
      creation =
          PayoutErrors.call(() -> {
            runner.runDueAccounting(clock.instant());
            return payouts.createPayoutBatch(period);
          });
    }
    if (creation.createdNow()) {
      batchCreated.run();
    }
    request.setProperty(
        AuditFilter.DETAIL,
        "payout batch " + creation.batch().id() + (creation.createdNow() ? " created" : " exists"));
    return Response.status(creation.createdNow() ? 201 : 200).entity(creation).build();
  }

  @GET
  @Path("/{id}/csv")
  @Produces("text/csv")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Response csv(@PathParam("id") long id) {
    String csv = PayoutErrors.call(() -> payouts.batchCsv(id));
    return Response.ok(csv, "text/csv")
        .header("Content-Disposition", "attachment; filename=\"payout-batch-" + id + ".csv\"")
        .build();
  }

  /** The JSON-RPC body to POST to bitcoind (a wallet's {@code sendmany}). */
  @GET
  @Path("/{id}/sendmany")
  @RolesAllowed(Roles.ADMIN)
  public Response sendMany(@PathParam("id") long id) {
    return Response.ok(
            PayoutErrors.call(() -> payouts.batchSendManyRequest(id)), MediaType.APPLICATION_JSON)
        .build();
  }

  /** Records the paying transaction: {@code {"txid": "<64 hex>", "networkFeeSats": 1234}}. */
  @POST
  @Path("/{id}/paid")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public PayoutBatch markPaid(
      @PathParam("id") long id, JsonNode body, @Context ContainerRequestContext request) {
    if (body == null || !body.hasNonNull("txid")) {
      throw ApiException.badRequest("The body must give the paying transaction's 'txid'.");
    }
    long fee =
        body.has("networkFeeSats") ? AccountsResource.requiredLong(body, "networkFeeSats") : 0;
    PayoutBatch paid =
        PayoutErrors.call(() -> payouts.markPaid(id, body.get("txid").asText(), fee));
    request.setProperty(AuditFilter.DETAIL, "payout batch " + id + " paid by " + paid.txid());
    return paid;
  }

  /** The batch as {@code user} may see it: clients only their own item, or null if none. */
  private static PayoutBatch scoped(User user, PayoutBatch batch) {
    if (!user.hasRole(Roles.CLIENT)) {
      return batch;
    }
    Long account = user.accountId();
    List<PayoutBatch.Item> items =
        batch.items().stream().filter(i -> account != null && i.accountId() == account).toList();
    List<PayoutBatch.Skip> skips =
        batch.skips().stream().filter(s -> account != null && s.accountId() == account).toList();
    if (items.isEmpty() && skips.isEmpty()) {
      return null;
    }
    return new PayoutBatch(
        batch.id(),
        batch.period(),
        batch.status(),
        batch.network(),
        items.stream().mapToLong(PayoutBatch.Item::amountSats).sum(),
        batch.createdAt(),
        batch.txid(),
        null,
        batch.paidAt(),
        items,
        skips);
  }

  private static Instant instant(JsonNode body, String field) {
    String text = AccountsResource.text(body, field);
    if (text == null) {
      throw new IllegalArgumentException(
          "'" + field + "' is required (ISO-8601, e.g. 2026-01-01T00:00:00Z)");
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + field + "' must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
    }
  }
}
