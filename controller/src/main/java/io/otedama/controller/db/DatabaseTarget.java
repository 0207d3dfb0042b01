package io.otedama.controller.db;

/** Where the controller's PostgreSQL is: JDBC URL and credentials (password may be null). */
public record DatabaseTarget(String url, String user, String password) {}
