package io.otedama.controller.auth;

import java.time.Instant;

/** One audited call: who (actor and role), what (action, path, outcome), when, from where. */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    String actorRole,
    String action,
    String path,
    int status,
    String remoteAddress,
    String detail) {}
