package io.otedama.controller.fleet;

import java.time.Instant;

/** A lifecycle event of a rig: status change (from/to), birth, enrolled, re-enrolled. */
public record RigEvent(
    long id, Instant at, String kind, String fromStatus, String toStatus, String detail) {}
