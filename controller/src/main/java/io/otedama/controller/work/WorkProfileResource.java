package io.otedama.controller.work;

import io.otedama.controller.api.ApiException;
import io.otedama.controller.auth.AuditFilter;
import io.otedama.controller.auth.Roles;
import io.otedama.hashing.Algorithm;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Work profiles: {@code GET /api/v1/work-profiles}, {@code GET/PUT/DELETE
 * /api/v1/work-profiles/{name}}. PUT creates or replaces a profile's pools (failover in list
 * order); a pool given without a password keeps the password it had (same URL and user), so the
 * console can edit a profile it was never shown the passwords of. A running profile restarts on its
 * new pools and its rigs move at once.
 */
@Path("/api/v1/work-profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class WorkProfileResource {
  private static final int MAX_POOLS = 8;
  private final WorkProfiles profiles;

  public WorkProfileResource(WorkProfiles profiles) {
    this.profiles = profiles;
  }

  public record PoolBody(String name, String url, String user, String password) {}

  public record ProfileBody(String kind, String algorithm, List<PoolBody> pools) {}

  @GET
  public Map<String, Object> list() {
    Map<String, ?> running = profiles.runningFeeds();
    Map<Long, String> groups = profiles.groupProfiles();
    return Map.of(
        "items",
        profiles.all().stream()
            .map(p -> WorkProfileView.of(p, profiles.defaultProfile(), running, groups))
            .toList(),
        "defaultProfile",
        profiles.defaultProfile());
  }

  @GET
  @Path("/{name}")
  public WorkProfileView get(@PathParam("name") String name) {
    return view(profiles.find(name).orElseThrow(() -> noSuchProfile(name)));
  }

  @PUT
  @Path("/{name}")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Response save(
      @PathParam("name") String name,
      @NotNull ProfileBody body,
      @Context ContainerRequestContext request) {
    Optional<WorkProfile> before = profiles.find(name);
    WorkProfile profile = parse(name, body, before);
    profiles.save(profile);
    request.setProperty(
        AuditFilter.DETAIL,
        (before.isPresent() ? "updated" : "created")
            + " work profile "
            + name
            + " ("
            + profile.kind().wireName()
            + ", "
            + profile.pools().size()
            + " pools)");
    return Response.status(before.isPresent() ? 200 : 201).entity(view(profile)).build();
  }

  @DELETE
  @Path("/{name}")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Response delete(@PathParam("name") String name, @Context ContainerRequestContext request) {
    try {
      profiles.delete(name);
    } catch (IllegalArgumentException e) {
      throw noSuchProfile(name);
    } catch (IllegalStateException e) {
      throw ApiException.conflict(sentence(e.getMessage()));
    }
    request.setProperty(AuditFilter.DETAIL, "deleted work profile " + name);
    return Response.noContent().build();
  }

  private WorkProfileView view(WorkProfile p) {
    return WorkProfileView.of(
        p, profiles.defaultProfile(), profiles.runningFeeds(), profiles.groupProfiles());
  }

  static WorkProfile parse(String name, ProfileBody body, Optional<WorkProfile> before) {
    WorkProfile.Kind kind;
    Algorithm algorithm;
    try {
      kind =
          WorkProfile.Kind.fromWireName(
              body.kind() == null || body.kind().isBlank() ? "pools" : body.kind());
      algorithm =
          Algorithm.fromId(
              body.algorithm() == null || body.algorithm().isBlank()
                  ? "sha256d"
                  : body.algorithm());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(sentence(e.getMessage()));
    }
    List<PoolBody> given = body.pools() == null ? List.of() : body.pools();
    if (given.size() > MAX_POOLS) {
      throw ApiException.badRequest("A profile has at most " + MAX_POOLS + " pools.");
    }
    List<PoolEndpoint> pools = new ArrayList<>();
    try {
      for (int i = 0; i < given.size(); i++) {
        PoolBody p = given.get(i);
        if (p == null) {
          throw new IllegalArgumentException("pool " + (i + 1) + " is empty");
        }
        String poolName = p.name() == null || p.name().isBlank() ? "pool-" + (i + 1) : p.name();
        if (poolName.length() > 64) {
          throw new IllegalArgumentException("pool name " + (i + 1) + " is over 64 characters");
        }
        if (p.user() == null || p.user().isBlank() || p.user().length() > 256) {
          throw new IllegalArgumentException("pool " + poolName + " needs a user (worker name)");
        }
        if (p.url() != null && p.url().length() > 512) {
          throw new IllegalArgumentException("pool " + poolName + ": the URL is over-long");
        }
        PoolEndpoint parsed =
            PoolEndpoint.parse(poolName, p.url(), p.user().strip(), "", algorithm);
        String password = p.password() != null ? p.password() : keptPassword(before, parsed);
        if (password.length() > 256) {
          throw new IllegalArgumentException("pool " + poolName + ": the password is over-long");
        }
        pools.add(
            new PoolEndpoint(
                parsed.name(),
                parsed.host(),
                parsed.port(),
                parsed.tls(),
                parsed.user(),
                password,
                algorithm));
      }
      return new WorkProfile(name, kind, algorithm, pools);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(sentence(e.getMessage()));
    }
  }

  private static String keptPassword(Optional<WorkProfile> before, PoolEndpoint pool) {
    return before.stream()
        .flatMap(p -> p.pools().stream())
        .filter(p -> p.url().equals(pool.url()) && p.user().equals(pool.user()))
        .map(PoolEndpoint::password)
        .findFirst()
        .orElse("");
  }

  static ApiException noSuchProfile(String name) {
    return ApiException.notFound("There is no work profile '" + name + "'.");
  }

  /** Library messages are lower-case fragments; API errors are sentences. */
  static String sentence(String message) {
    if (message == null || message.isEmpty()) {
      return "The request is not valid.";
    }
    String s = Character.toUpperCase(message.charAt(0)) + message.substring(1);
    return s.endsWith(".") ? s : s + ".";
  }
}
