package io.otedama.controller.auth;

/** Role names as used in {@code @RolesAllowed} and stored in {@code users.role}. */
public final class Roles {
  public static final String ADMIN = "admin";
  public static final String OPERATOR = "operator";
  public static final String VIEWER = "viewer";
  public static final String CLIENT = "client";

  private Roles() {}

  public static boolean isValid(String role) {
    return ADMIN.equals(role)
        || OPERATOR.equals(role)
        || VIEWER.equals(role)
        || CLIENT.equals(role);
  }
}
