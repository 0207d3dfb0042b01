package io.otedama.controller.auth;

import java.time.Instant;

/** A bearer token as handed out once: the caller keeps it, the server keeps only its hash. */
public record IssuedToken(String token, Instant expiresAt) {}
