package io.otedama.controller.fleet;

import java.time.Instant;

/** A rig's liveness moved from one status to another; becomes a {@code rig_events} row. */
record StatusChange(String rigId, String from, String to, Instant at, String detail) {}
