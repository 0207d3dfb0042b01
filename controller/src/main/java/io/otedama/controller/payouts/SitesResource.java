package io.otedama.controller.payouts;

import com.fasterxml.jackson.databind.JsonNode;
import io.otedama.controller.api.ApiException;
import io.otedama.controller.auth.AuditFilter;
import io.otedama.controller.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Sites and their electricity price ({@code GET /api/v1/sites}, {@code PUT /api/v1/sites/{name}}
 * with {@code {"electricityMsatPerKwh": 50000}}): accounts on a site are charged for their rigs'
 * measured energy at its price from the next accounting run.
 */
@Path("/api/v1/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SitesResource {
  private final ClientAccounts accounts;

  public SitesResource(ClientAccounts accounts) {
    this.accounts = accounts;
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
  public Map<String, List<Site>> list() {
    return Map.of("items", accounts.sites());
  }

  @PUT
  @Path("/{name}")
  @RolesAllowed(Roles.ADMIN)
  public Site define(
      @PathParam("name") String name, JsonNode body, @Context ContainerRequestContext request) {
    if (body == null || !body.has("electricityMsatPerKwh")) {
      throw ApiException.badRequest(
          "The body must give 'electricityMsatPerKwh' (millisatoshis per kWh, 50 sats = 50000).");
    }
    long price = AccountsResource.requiredLong(body, "electricityMsatPerKwh");
    Site site = PayoutErrors.call(() -> accounts.defineSite(new Site(name, price)));
    request.setProperty(AuditFilter.DETAIL, "site " + site.name() + " at " + price + " msat/kWh");
    return site;
  }
}
