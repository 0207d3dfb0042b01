package io.otedama.controller.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * A rig as the API shows it (CONTRACTS §4). {@code group} is the group's name; {@code devices} and
 * {@code capabilities} (JSON as the agent reported them) appear only in the single-rig view. {@code
 * hashrateHs} is what the rig reports; {@code estimatedHashrateHs} what its accepted shares show
 * over the last 10 minutes (null before this controller has seen one), {@code hashrateGapPct} the
 * difference in percent of the reported figure (null when either is missing).
 */
public record Rig(
    String id,
    String name,
    String status,
    double hashrateHs,
    Double estimatedHashrateHs,
    Double hashrateGapPct,
    Float temperatureC,
    Float powerW,
    Integer fanRpm,
    Instant lastSeen,
    long acceptedShares,
    long rejectedShares,
    String group,
    Long groupId,
    String model,
    String agentVersion,
    String source,
    String hardwareId,
    Long uptimeS,
    String ipAddress,
    Instant statusChangedAt,
    Instant createdAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue String devices,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue String capabilities) {

  /** This rig with the controller's estimate from its shares and the gap to the reported figure. */
  public Rig withEstimate(java.util.OptionalDouble estimated) {
    return new Rig(
        id,
        name,
        status,
        hashrateHs,
        estimated.isPresent() ? estimated.getAsDouble() : null,
        RigHashrateEstimates.gapPercent(estimated, hashrateHs),
        temperatureC,
        powerW,
        fanRpm,
        lastSeen,
        acceptedShares,
        rejectedShares,
        group,
        groupId,
        model,
        agentVersion,
        source,
        hardwareId,
        uptimeS,
        ipAddress,
        statusChangedAt,
        createdAt,
        devices,
        capabilities);
  }
}
