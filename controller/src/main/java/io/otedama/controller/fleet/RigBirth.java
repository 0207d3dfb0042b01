package io.otedama.controller.fleet;

import java.time.Instant;
import java.util.List;

/**
 * The parts of an agent's birth message the fleet keeps. {@code devicesJson} is the devices array
 * as JSON, stored as reported.
 */
public record RigBirth(
    String agentVersion,
    String hardwareId,
    String devicesJson,
    List<String> capabilities,
    long seq,
    Instant at) {}
