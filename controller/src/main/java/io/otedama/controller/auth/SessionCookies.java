package io.otedama.controller.auth;

import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The console's session: the cookie carries an ordinary API token (HttpOnly, SameSite=Strict), and
 * the CSRF token is derived from it, so the server keeps no extra state and a page that cannot read
 * the cookie cannot forge the header either.
 */
public final class SessionCookies {
  public static final String NAME = "otedama_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private SessionCookies() {}

  public static NewCookie session(String token, Instant expiresAt, Instant now, boolean secure) {
    return new NewCookie.Builder(NAME)
        .value(token)
        .path("/")
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge((int) Math.max(0, Duration.between(now, expiresAt).toSeconds()))
        .build();
  }

  /** A cookie that makes the browser drop the session at once. */
  public static NewCookie cleared(boolean secure) {
    return new NewCookie.Builder(NAME)
        .value("")
        .path("/")
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge(0)
        .build();
  }

  /** The CSRF token of a session: base64url SHA-256 of a label and the session token. */
  public static String csrfToken(String sessionToken) {
    byte[] digest = SecretTokens.sha256("otedama-csrf:" + sessionToken);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  /** Constant-time check of the header a state-changing request sent. */
  public static boolean csrfMatches(String sessionToken, String header) {
    if (sessionToken == null || header == null) {
      return false;
    }
    return MessageDigest.isEqual(
        csrfToken(sessionToken).getBytes(StandardCharsets.US_ASCII),
        header.strip().getBytes(StandardCharsets.US_ASCII));
  }
}
