package io.otedama.controller.firmware;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Where agents download a campaign's artifact: {@code GET /api/v1/firmware/downloads/{token}}, with
 * ranges for resuming. No bearer token: the campaign's random download token in the path is the
 * credential (it reaches rigs only inside their {@code update-firmware} command, over their own
 * MQTT subtree), and it only ever yields an artifact the agent verifies against its own keys.
 */
@Path("/api/v1/firmware/downloads/{token}")
public class DownloadResource {
  private final CampaignService campaigns;
  private final ArtifactStore artifacts;
  private final ArtifactBytes bytes;
  private final FirmwareMetrics metrics;

  DownloadResource(
      CampaignService campaigns,
      ArtifactStore artifacts,
      ArtifactBytes bytes,
      FirmwareMetrics metrics) {
    this.campaigns = campaigns;
    this.artifacts = artifacts;
    this.bytes = bytes;
    this.metrics = metrics;
  }

  @GET
  @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
  public Response download(
      @PathParam("token") String token,
      @HeaderParam("Range") String range,
      @HeaderParam("If-Range") String ifRange) {
    return campaigns
        .byDownloadToken(token)
        .flatMap(c -> artifacts.find(c.artifactId()))
        .map(a -> bytes.serve(a, artifacts.file(a), range, ifRange))
        .orElseGet(() -> {
          metrics.download("refused");
          return ErrorBody.of(
              404, "No download with this token (unknown, or its campaign was cancelled).");
        });
  }
}
