package io.otedama.controller.firmware;

import io.dropwizard.auth.Auth;
import io.otedama.controller.api.ApiException;
import io.otedama.controller.auth.AuditFilter;
import io.otedama.controller.auth.Roles;
import io.otedama.controller.auth.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Artifacts: upload (the raw bytes as the body, metadata as query parameters, the signature in
 * {@code X-Otedama-Signature}), list, show, and fetch the bytes (staff, with ranges).
 */
@Path("/api/v1/firmware/artifacts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class ArtifactResource {
  private final ArtifactStore store;
  private final ArtifactBytes bytes;

  ArtifactResource(ArtifactStore store, ArtifactBytes bytes) {
    this.store = store;
    this.bytes = bytes;
  }

  @POST
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Response upload(
      @Auth User user,
      @QueryParam("name") String name,
      @QueryParam("version") String version,
      @QueryParam("kind") @DefaultValue("agent") String kind,
      @QueryParam("models") String models,
      @HeaderParam("X-Otedama-Signature") String signatureHeader,
      @QueryParam("signature") String signatureParam,
      InputStream body,
      @Context ContainerRequestContext request) {
    String signature = signatureHeader != null ? signatureHeader : signatureParam;
    List<String> modelList =
        models == null || models.isBlank()
            ? List.of()
            : Arrays.stream(models.split(",")).map(String::strip).toList();
    request.setProperty(AuditFilter.DETAIL, "artifact " + name + " " + version);
    Artifact artifact =
        store.upload(
            new ArtifactStore.Upload(name, version, kind, modelList, signature),
            body,
            user.username());
    return Response.status(201).entity(artifact).build();
  }

  @GET
  public Map<String, List<Artifact>> list() {
    return Map.of("items", store.list());
  }

  @GET
  @Path("/{id}")
  public Artifact get(@PathParam("id") long id) {
    return store
        .find(id)
        .orElseThrow(() -> ApiException.notFound("There is no artifact with id " + id + "."));
  }

  @GET
  @Path("/{id}/content")
  @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
  public Response content(
      @PathParam("id") long id,
      @HeaderParam("Range") String range,
      @HeaderParam("If-Range") String ifRange) {
    Artifact a = get(id);
    return bytes.serve(a, store.file(a), range, ifRange);
  }
}
