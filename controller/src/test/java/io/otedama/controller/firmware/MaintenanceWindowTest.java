package io.otedama.controller.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void aDaytimeWindowIsOpenOnlyOnItsDaysAndHours() {
    MaintenanceWindow w =
        new MaintenanceWindow(
            1, EnumSet.of(DayOfWeek.TUESDAY), LocalTime.of(10, 0), LocalTime.of(12, 0), BERLIN);
    // 2026-03-03 is a Tuesday; 09:30 UTC is 10:30 in Berlin (CET)
    assertThat(w.isOpen(Instant.parse("2026-03-03T09:30:00Z"))).isTrue();
    assertThat(w.isOpen(Instant.parse("2026-03-03T08:59:00Z"))).isFalse();
    assertThat(w.isOpen(Instant.parse("2026-03-03T11:00:00Z")))
        .as("the end is exclusive")
        .isFalse();
    assertThat(w.isOpen(Instant.parse("2026-03-04T09:30:00Z"))).as("Wednesday").isFalse();
  }

  @Test
  void aWindowAcrossMidnightBelongsToTheDayItOpens() {
    MaintenanceWindow w =
        new MaintenanceWindow(
            2,
            EnumSet.of(DayOfWeek.FRIDAY),
            LocalTime.of(22, 0),
            LocalTime.of(4, 0),
            ZoneId.of("UTC"));
    assertThat(w.isOpen(Instant.parse("2026-03-06T23:00:00Z"))).as("Friday night").isTrue();
    assertThat(w.isOpen(Instant.parse("2026-03-07T03:59:00Z"))).as("Saturday early").isTrue();
    assertThat(w.isOpen(Instant.parse("2026-03-07T04:00:00Z"))).isFalse();
    assertThat(w.isOpen(Instant.parse("2026-03-07T23:00:00Z"))).as("Saturday night").isFalse();
    assertThat(w.isOpen(Instant.parse("2026-03-06T03:00:00Z"))).as("Friday early").isFalse();
  }
}
