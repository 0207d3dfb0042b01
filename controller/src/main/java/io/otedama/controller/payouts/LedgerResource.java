package io.otedama.controller.payouts;

import io.otedama.controller.auth.Roles;
import io.otedama.controller.payouts.ledger.LedgerCheckReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/ledger/check} (CONTRACTS §4): {@code {"balanced": true, ...}} when every
 * transaction sums to zero and every balance matches its entries; and the accounting runs.
 */
@Path("/api/v1/ledger")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class LedgerResource {
  private final PayoutService payouts;

  public LedgerResource(PayoutService payouts) {
    this.payouts = payouts;
  }

  @GET
  @Path("/check")
  public LedgerCheckReport check() {
    return payouts.check();
  }

  /** Every accounting run (without credit lines), oldest first. */
  @GET
  @Path("/runs")
  public Map<String, List<AccountingRun>> runs() {
    return Map.of("items", payouts.runs());
  }
}
