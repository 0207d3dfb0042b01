package io.otedama.controller.power;

import java.time.Instant;

/** What the database knows about a rig for power decisions: its state and its outlet, if any. */
public record RigPowerFacts(
    String rigId,
    String name,
    String status,
    Instant statusChangedAt,
    double hashrateHs,
    Double reportedPowerW,
    Instant lastTelemetryAt,
    boolean powerModes,
    OutletMapping mapping,
    String site) {}
