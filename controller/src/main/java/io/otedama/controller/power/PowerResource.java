package io.otedama.controller.power;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dropwizard.auth.Auth;
import io.otedama.controller.api.ApiException;
import io.otedama.controller.auth.AuditFilter;
import io.otedama.controller.auth.Roles;
import io.otedama.controller.auth.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code /api/v1/power}: devices, outlet mappings, outlet actions, efficiency, curtailment. */
@Path("/api/v1/power")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class PowerResource {
  private final PowerDevices devices;
  private final PowerReadings readings;
  private final PowerPoller poller;
  private final OutletMappingStore mappings;
  private final PowerControl control;
  private final PowerMeasurements measurements;
  private final PowerActionLog actions;
  private final CurtailmentService curtailments;

  public PowerResource(
      PowerDevices devices,
      PowerReadings readings,
      PowerPoller poller,
      OutletMappingStore mappings,
      PowerControl control,
      PowerMeasurements measurements,
      PowerActionLog actions,
      CurtailmentService curtailments) {
    this.devices = devices;
    this.readings = readings;
    this.poller = poller;
    this.mappings = mappings;
    this.control = control;
    this.measurements = measurements;
    this.actions = actions;
    this.curtailments = curtailments;
  }

  /** A device as the API shows it: no secrets, with its last reading. */
  public record DeviceView(PowerDevice device, DeviceReading reading) {}

  public record MapOutlet(
      String deviceId,
      Integer outletIndex,
      String outletName,
      Double nameplateW,
      Boolean watchdog) {}

  @GET
  @Path("/devices")
  public Map<String, List<DeviceView>> devices() {
    return Map.of(
        "items",
        devices.list().stream()
            .map(d -> new DeviceView(d.masked(), readings.get(d.id()).orElse(null)))
            .toList());
  }

  @POST
  @Path("/devices")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Response register(PowerDevice body, @Context ContainerRequestContext request) {
    PowerDevice d = devices.register(body);
    request.setProperty(
        AuditFilter.DETAIL, "registered " + d.kind() + " " + d.id() + " at " + d.host());
    return Response.status(201).entity(d.masked()).build();
  }

  @GET
  @Path("/devices/{id}")
  public DeviceView device(@PathParam("id") String id) {
    PowerDevice d = devices.get(id);
    return new DeviceView(d.masked(), readings.get(id).orElse(null));
  }

  @DELETE
  @Path("/devices/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Response remove(@PathParam("id") String id) {
    devices.remove(id);
    return Response.noContent().build();
  }

  /** Polls one device now and answers with the reading (failed readings too). */
  @POST
  @Path("/devices/{id}/poll")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public DeviceReading poll(@PathParam("id") String id) {
    try {
      return poller.poll(devices.get(id)).get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "Interrupted while polling " + id + ".");
    } catch (ExecutionException | TimeoutException e) {
      throw new ApiException(504, "Polling " + id + " did not finish: " + e.getMessage());
    }
  }

  /** A mapping with what the PDU last reported for that outlet (absent before the first poll). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OutletView(
      String rigId,
      String deviceId,
      int outletIndex,
      String outletName,
      Double nameplateW,
      boolean watchdog,
      String reportedName,
      String state,
      Double powerW,
      Boolean nameMatches) {}

  @GET
  @Path("/outlets")
  public Map<String, List<OutletView>> outlets() {
    List<OutletView> items = new ArrayList<>();
    for (OutletMapping m : mappings.list()) {
      OutletReading o = readings.outlet(m.deviceId(), m.outletIndex()).orElse(null);
      items.add(
          new OutletView(
              m.rigId(),
              m.deviceId(),
              m.outletIndex(),
              m.outletName(),
              m.nameplateW(),
              m.watchdog(),
              o == null ? null : o.name(),
              o == null ? null : o.state(),
              o == null ? null : o.powerW(),
              o == null ? null : m.outletName().equals(o.name())));
    }
    return Map.of("items", items);
  }

  @PUT
  @Path("/rigs/{rigId}/outlet")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public OutletMapping map(
      @PathParam("rigId") String rigId, MapOutlet body, @Context ContainerRequestContext request) {
    if (body == null
        || body.deviceId() == null
        || body.outletIndex() == null
        || body.outletName() == null
        || body.outletName().isBlank()) {
      throw ApiException.badRequest("deviceId, outletIndex and outletName are required.");
    }
    if (body.outletIndex() < 1 || body.outletIndex() > 10_000) {
      throw ApiException.badRequest("outletIndex must be from 1 to 10000.");
    }
    if (body.nameplateW() != null && (body.nameplateW() < 0 || body.nameplateW() > 100_000)) {
      throw ApiException.badRequest("nameplateW must be from 0 to 100000.");
    }
    PowerDevice d = devices.get(body.deviceId());
    if (!d.isPdu()) {
      throw ApiException.badRequest(d.id() + " is a switch; rigs map to PDU outlets.");
    }
    if (measurements.rig(rigId).isEmpty()) {
      throw ApiException.notFound("There is no rig with id '" + rigId + "'.");
    }
    OutletMapping m =
        new OutletMapping(
            rigId,
            body.deviceId(),
            body.outletIndex(),
            body.outletName(),
            body.nameplateW(),
            body.watchdog() == null || body.watchdog());
    mappings.put(m);
    request.setProperty(
        AuditFilter.DETAIL, "rig " + rigId + " on " + m.deviceId() + " outlet " + m.outletIndex());
    return m;
  }

  @DELETE
  @Path("/rigs/{rigId}/outlet")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Response unmap(@PathParam("rigId") String rigId) {
    if (!mappings.delete(rigId)) {
      throw ApiException.notFound("Rig '" + rigId + "' is not mapped to an outlet.");
    }
    return Response.noContent().build();
  }

  @POST
  @Path("/rigs/{rigId}/power-cycle")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public OutletSwitch.Outcome powerCycle(
      @Auth User user, @PathParam("rigId") String rigId, @Context ContainerRequestContext request) {
    request.setProperty(AuditFilter.DETAIL, "power-cycle rig " + rigId);
    return control.apply(rigId, OutletAction.CYCLE, user.username());
  }

  @POST
  @Path("/rigs/{rigId}/outlet/{action}")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public OutletSwitch.Outcome outlet(
      @Auth User user,
      @PathParam("rigId") String rigId,
      @PathParam("action") String action,
      @Context ContainerRequestContext request) {
    OutletAction a =
        switch (action) {
          case "on" -> OutletAction.ON;
          case "off" -> OutletAction.OFF;
          case "cycle" -> OutletAction.CYCLE;
          default -> throw ApiException.badRequest("The outlet action is on, off or cycle.");
        };
    request.setProperty(AuditFilter.DETAIL, "outlet " + a.word() + " rig " + rigId);
    return control.apply(rigId, a, user.username());
  }

  /** Every rig's measured power and J/TH. */
  @GET
  @Path("/rigs")
  public Map<String, List<RigPower>> rigs() {
    return Map.of("items", measurements.all());
  }

  @GET
  @Path("/rigs/{rigId}")
  public RigPower rig(@PathParam("rigId") String rigId) {
    return measurements
        .rig(rigId)
        .orElseThrow(() -> ApiException.notFound("There is no rig with id '" + rigId + "'."));
  }

  /** One PDU's own reading in the summary. */
  public record PduPower(
      String deviceId, String name, String site, boolean reachable, Double powerW, Instant at) {}

  /** Fleet power: the measured total, by source, and what the PDUs read themselves. */
  public record PowerSummary(
      double fleetPowerW, Map<String, Double> bySource, double pduPowerW, List<PduPower> pdus) {}

  @GET
  @Path("/summary")
  public PowerSummary summary() {
    Map<String, Double> bySource = new LinkedHashMap<>();
    double total = 0;
    for (RigPower r : measurements.all()) {
      if (r.powerW() != null) {
        total += r.powerW();
        bySource.merge(r.source(), r.powerW(), Double::sum);
      }
    }
    List<PduPower> pdus = new ArrayList<>();
    double pduTotal = 0;
    for (PowerDevice d : devices.list()) {
      if (!d.isPdu()) {
        continue;
      }
      DeviceReading r = readings.get(d.id()).orElse(null);
      boolean reachable = r != null && r.reachable();
      if (reachable && r.powerW() != null) {
        pduTotal += r.powerW();
      }
      pdus.add(
          new PduPower(
              d.id(),
              d.name(),
              d.site(),
              reachable,
              r == null ? null : r.powerW(),
              r == null ? null : r.at()));
    }
    return new PowerSummary(total, bySource, pduTotal, pdus);
  }

  @GET
  @Path("/actions")
  public Map<String, List<PowerAction>> actions(
      @QueryParam("rig") String rig, @QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiException.badRequest("limit must be from 1 to 1000.");
    }
    return Map.of("items", actions.recent(rig, limit));
  }

  @GET
  @Path("/curtailments")
  public Map<String, List<CurtailmentEvent>> curtailments(
      @QueryParam("limit") @DefaultValue("50") int limit) {
    if (limit < 1 || limit > 500) {
      throw ApiException.badRequest("limit must be from 1 to 500.");
    }
    return Map.of("items", curtailments.list(limit));
  }

  @POST
  @Path("/curtailments")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Response curtail(
      @Auth User user, CurtailmentService.NewEvent body, @Context ContainerRequestContext request) {
    CurtailmentEvent e = curtailments.create(body, user.username());
    request.setProperty(
        AuditFilter.DETAIL, "curtailment " + e.id() + ": " + e.mode() + " " + e.kw() + " kW");
    return Response.status(201).entity(e).build();
  }

  @GET
  @Path("/curtailments/{id}")
  public CurtailmentEvent curtailment(@PathParam("id") long id) {
    return curtailments.get(id);
  }

  @POST
  @Path("/curtailments/{id}/cancel")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public CurtailmentEvent cancel(@PathParam("id") long id) {
    return curtailments.cancel(id);
  }
}
