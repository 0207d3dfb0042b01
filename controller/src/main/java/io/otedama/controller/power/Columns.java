package io.otedama.controller.power;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads nullable numeric columns (REAL and DOUBLE PRECISION alike) as boxed doubles. */
final class Columns {
  private Columns() {}

  static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }
}
