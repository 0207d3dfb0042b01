package io.otedama.controller.fleet;

import java.time.Instant;

/** A group of rigs (site, rack, model, or anything the operator names) with its rig count. */
public record Group(
    long id, String name, String kind, String description, long rigCount, Instant createdAt) {}
