package io.otedama.controller.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.NewCookie;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionCookiesTest {
  @Test
  void theCsrfTokenBelongsToOneSessionAndIsNotTheSessionToken() {
    String a = SecretTokens.newToken();
    String b = SecretTokens.newToken();
    assertThat(SessionCookies.csrfToken(a)).isEqualTo(SessionCookies.csrfToken(a));
    assertThat(SessionCookies.csrfToken(a)).isNotEqualTo(SessionCookies.csrfToken(b));
    assertThat(SessionCookies.csrfToken(a)).isNotEqualTo(a).doesNotContain(a);
    assertThat(SessionCookies.csrfMatches(a, SessionCookies.csrfToken(a))).isTrue();
    assertThat(SessionCookies.csrfMatches(a, SessionCookies.csrfToken(b))).isFalse();
    assertThat(SessionCookies.csrfMatches(a, null)).isFalse();
    assertThat(SessionCookies.csrfMatches(null, SessionCookies.csrfToken(a))).isFalse();
    assertThat(SessionCookies.csrfMatches(a, "")).isFalse();
  }

  @Test
  void theSessionCookieIsHttpOnlyStrictAndLastsAsLongAsTheToken() {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    NewCookie cookie = SessionCookies.session("tok", now.plusSeconds(3600), now, true);
    assertThat(cookie.getName()).isEqualTo(SessionCookies.NAME);
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.isSecure()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo(NewCookie.SameSite.STRICT);
    assertThat(cookie.getPath()).isEqualTo("/");
    assertThat(cookie.getMaxAge()).isEqualTo(3600);
    assertThat(SessionCookies.cleared(false).getMaxAge()).isZero();
    assertThat(SessionCookies.cleared(false).isSecure()).isFalse();
  }
}
