package io.otedama.controller.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * A rig as the API shows it (CONTRACTS §4). {@code group} is the group's name; {@code devices} and
 * {@code capabilities} (JSON as the agent reported them) appear only in the single-rig view.
 */
public record Rig(
    String id,
    String name,
    String status,
    double hashrateHs,
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
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue String capabilities) {}
