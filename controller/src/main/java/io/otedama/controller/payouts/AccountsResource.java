package io.otedama.controller.payouts;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.otedama.controller.api.ApiException;
import io.otedama.controller.auth.AuditFilter;
import io.otedama.controller.auth.Roles;
import io.otedama.controller.auth.User;
import io.otedama.controller.payouts.ledger.ClientBalance;
import io.otedama.controller.payouts.scheme.FeeSchedule;
import io.otedama.controller.payouts.scheme.PayoutScheme;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Client accounts and their ledger balances (CONTRACTS §4 {@code GET /api/v1/accounts}): staff see
 * every account and the farm's accounts, a client user only its own. Admins create accounts and
 * change their settings: scheme, fees, payout address, threshold, site (its electricity price).
 */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {
  private final ClientAccounts accounts;
  private final PayoutService payouts;

  public AccountsResource(ClientAccounts accounts, PayoutService payouts) {
    this.accounts = accounts;
    this.payouts = payouts;
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.CLIENT})
  public Map<String, Object> list(@Auth User user) {
    LedgerBalances balances = payouts.balances();
    Map<Long, ClientBalance> byId =
        balances.clients().stream()
            .collect(Collectors.toMap(ClientBalance::clientAccountId, Function.identity()));
    List<AccountView> items =
        accounts.list().stream()
            .filter(a -> visible(user, a.id()))
            .map(a -> AccountView.of(a, byId.get(a.id()), accounts.rigsOf(a.id())))
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", items);
    body.put("total", items.size());
    if (!user.hasRole(Roles.CLIENT)) {
      body.put("farm", balances.farmSats());
    }
    return body;
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.CLIENT})
  public Map<String, Object> get(@Auth User user, @PathParam("id") long id) {
    if (!visible(user, id)) {
      throw ApiException.notFound("No client account with id " + id + ".");
    }
    ClientAccount account = PayoutErrors.call(() -> accounts.get(id));
    ClientBalance balance =
        payouts.balances().clients().stream()
            .filter(b -> b.clientAccountId() == id)
            .findFirst()
            .orElse(null);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("account", AccountView.of(account, balance, accounts.rigsOf(id)));
    body.put("credits", payouts.creditsOf(id));
    return body;
  }

  /** Body: name, scheme, poolFeeBps, hostingFeeBps, payoutThresholdSats, walletAddress?, site?. */
  @POST
  @RolesAllowed(Roles.ADMIN)
  public Response create(JsonNode body, @Context ContainerRequestContext request) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("The body must be a JSON object describing the account.");
    }
    ClientAccount created =
        PayoutErrors.call(() ->
            accounts.create(
                new NewClientAccount(
                    text(body, "name"),
                    PayoutScheme.fromWireName(text(body, "scheme")),
                    new FeeSchedule(
                        body.path("poolFeeBps").asInt(0), body.path("hostingFeeBps").asInt(0)),
                    requiredLong(body, "payoutThresholdSats"),
                    text(body, "walletAddress"),
                    text(body, "site"))));
    request.setProperty(AuditFilter.DETAIL, "client account " + created.id() + " created");
    return Response.status(Response.Status.CREATED)
        .entity(AccountView.of(created, null, List.of()))
        .build();
  }

  /**
   * Changes settings; fields left out keep their value: scheme, poolFeeBps, hostingFeeBps,
   * payoutThresholdSats (terms apply from the next accounting run), walletAddress and site (null
   * clears them).
   */
  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  public AccountView update(
      @PathParam("id") long id, JsonNode body, @Context ContainerRequestContext request) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("The body must be a JSON object of the settings to change.");
    }
    ClientAccount current = PayoutErrors.call(() -> accounts.get(id));
    if (body.has("scheme")
        || body.has("poolFeeBps")
        || body.has("hostingFeeBps")
        || body.has("payoutThresholdSats")) {
      PayoutErrors.call(() ->
          accounts.updateTerms(
              id,
              body.has("scheme")
                  ? PayoutScheme.fromWireName(text(body, "scheme"))
                  : current.scheme(),
              new FeeSchedule(
                  body.path("poolFeeBps").asInt(current.fees().poolFeeBps()),
                  body.path("hostingFeeBps").asInt(current.fees().hostingFeeBps())),
              body.has("payoutThresholdSats")
                  ? requiredLong(body, "payoutThresholdSats")
                  : current.payoutThresholdSats()));
    }
    if (body.has("walletAddress")) {
      PayoutErrors.call(() -> accounts.setWalletAddress(id, text(body, "walletAddress")));
    }
    if (body.has("site")) {
      PayoutErrors.call(() -> accounts.setSite(id, text(body, "site")));
    }
    request.setProperty(AuditFilter.DETAIL, "client account " + id + " settings changed");
    ClientAccount updated = accounts.get(id);
    ClientBalance balance =
        payouts.balances().clients().stream()
            .filter(b -> b.clientAccountId() == id)
            .findFirst()
            .orElse(null);
    return AccountView.of(updated, balance, accounts.rigsOf(id));
  }

  private static boolean visible(User user, long accountId) {
    return !user.hasRole(Roles.CLIENT) || Objects.equals(user.accountId(), accountId);
  }

  static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw ApiException.badRequest("'" + field + "' must be a string.");
    }
    return node.asText();
  }

  static long requiredLong(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
      throw ApiException.badRequest("'" + field + "' must be a whole number.");
    }
    return node.asLong();
  }
}
