/**
 * Users and roles (admin, operator, viewer, client), password hashing, opaque bearer tokens, login
 * lockout, the bootstrap admin, and the audit log of every mutating call. Depends on api and db.
 * Other features protect their resources with {@code @RolesAllowed} and the {@link
 * io.otedama.controller.auth.Roles} names; the console can reuse {@link
 * io.otedama.controller.auth.TokenService} for session cookies.
 */
package io.otedama.controller.auth;
