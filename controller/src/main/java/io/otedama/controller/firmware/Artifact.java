package io.otedama.controller.firmware;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/** A stored, signature-checked artifact as the API shows it. */
public record Artifact(
    long id,
    String name,
    String version,
    String kind,
    List<String> models,
    String sha256,
    long sizeBytes,
    String signature,
    String keyId,
    @JsonIgnore String fileName,
    String uploadedBy,
    Instant createdAt) {}
