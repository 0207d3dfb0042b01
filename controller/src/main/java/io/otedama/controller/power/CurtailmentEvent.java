package io.otedama.controller.power;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A curtailment event: bring fleet power to {@code kw} ({@code mode} target) or take {@code kw} off
 * the power measured when it starts ({@code mode} reduce), from {@code startsAt} to {@code endsAt},
 * ramping down over {@code rampSeconds}. {@code goalW}, {@code measuredW} and {@code targetMet} are
 * from the last check.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CurtailmentEvent(
    long id,
    String mode,
    double kw,
    Instant startsAt,
    Instant endsAt,
    int rampSeconds,
    String status,
    Double baselineW,
    Double goalW,
    Double measuredW,
    Boolean targetMet,
    Instant lastCheckedAt,
    Instant lastRestoreAt,
    String createdBy,
    Instant createdAt,
    List<CurtailedRig> rigs) {

  public CurtailmentEvent withRigs(List<CurtailedRig> list) {
    return new CurtailmentEvent(
        id,
        mode,
        kw,
        startsAt,
        endsAt,
        rampSeconds,
        status,
        baselineW,
        goalW,
        measuredW,
        targetMet,
        lastCheckedAt,
        lastRestoreAt,
        createdBy,
        createdAt,
        list);
  }
}
