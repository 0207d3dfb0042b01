package io.otedama.controller.payouts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads upstream pool earnings from CSV for import: a header {@code
 * pool,period_start,period_end,amount_sats}, then one earning a line, times in ISO-8601 with an
 * offset ({@code 2025-01-01T00:00:00Z}), amounts in whole satoshis. The whole file is checked
 * before anything is returned; a bad line is refused with its line number, so an import books all
 * or nothing.
 */
public final class PoolEarningsCsv {
  static final String HEADER = "pool,period_start,period_end,amount_sats";

  /** More lines than any farm's earnings file; refusing beyond bounds what one request costs. */
  static final int MAX_LINES = 100_000;

  private PoolEarningsCsv() {}

  public static List<PoolEarning> parse(String csv) {
    String[] lines = csv.split("\r?\n", -1);
    if (lines.length == 0 || !lines[0].strip().equalsIgnoreCase(HEADER)) {
      throw new IllegalArgumentException("pool earnings CSV must start with the header " + HEADER);
    }
    if (lines.length > MAX_LINES) {
      throw new IllegalArgumentException(
          "pool earnings CSV has more than " + MAX_LINES + " lines; split it");
    }
    List<PoolEarning> earnings = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split(",", -1);
      if (fields.length != 4) {
        throw lineError(i, "it has " + fields.length + " fields, expected 4");
      }
      try {
        earnings.add(
            new PoolEarning(
                fields[0].strip(),
                new AccountingPeriod(
                    Instant.parse(fields[1].strip()), Instant.parse(fields[2].strip())),
                Long.parseLong(fields[3].strip())));
      } catch (DateTimeParseException e) {
        throw lineError(i, "a time is not ISO-8601 (e.g. 2025-01-01T00:00:00Z)");
      } catch (NumberFormatException e) {
        throw lineError(i, "the amount is not a whole number of satoshis");
      } catch (IllegalArgumentException e) {
        throw lineError(i, e.getMessage());
      }
    }
    return earnings;
  }

  private static IllegalArgumentException lineError(int index, String what) {
    return new IllegalArgumentException("pool earnings CSV line " + (index + 1) + ": " + what);
  }
}
