/**
 * Users and roles (admin, operator, viewer, client), password hashing, opaque bearer tokens, login
 * lockout, the bootstrap admin, and the audit log of every mutating call. Depends on api and db.
 * Other features protect their resources with {@code @RolesAllowed} and the {@link
 * io.otedama.controller.auth.Roles} names. The console's session is the same token in an HttpOnly
 * cookie ({@link io.otedama.controller.auth.SessionResource}), checked by {@link
 * io.otedama.controller.auth.SessionCookieAuthFilter} before the bearer filter, with a CSRF token
 * derived from it ({@link io.otedama.controller.auth.SessionCookies}). Named API tokens ({@link
 * io.otedama.controller.auth.ApiTokens}) are the same kind of token with a name and a role no
 * higher than their user's.
 */
package io.otedama.controller.auth;
