package io.otedama.controller.commands;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** A command as the API shows it; {@code args} and {@code resultDetails} are JSON. */
public record Command(
    String id,
    String rigId,
    String type,
    @JsonRawValue String args,
    String status,
    String issuedBy,
    Instant createdAt,
    Instant expiresAt,
    Instant sentAt,
    Instant ackedAt,
    Instant finishedAt,
    int attempts,
    String lastError,
    String resultMessage,
    @JsonRawValue String resultDetails) {}
