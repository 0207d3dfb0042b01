package io.otedama.controller.power;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Power-cycles mapped rigs that are offline (or stale) for {@code offlineAfter}, or online without
 * hashrate for {@code hungAfter}. Safety: a cool-down per rig, at most N cycles per rig per day and
 * per site per hour, the per-PDU write limit of {@link OutletSwitch}, the outlet name check, never
 * a rig a curtailment is holding off, and never an outlet that is off (somebody switched it off on
 * purpose; a cycle would switch it back on) or whose state the last poll did not see. Each cycle
 * (and each refusal by the PDU checks) is in the action log and the audit log.
 */
public final class PowerCycleWatchdog {
  private static final Logger LOG = LoggerFactory.getLogger(PowerCycleWatchdog.class);
  private static final String TRIGGER = "watchdog";
  private final RigPowerQueries rigs;
  private final PowerControl control;
  private final PowerActionLog log;
  private final CurtailmentStore curtailments;
  private final PowerReadings readings;
  private final PowerConfiguration.Watchdog config;
  private final Clock clock;
  private final Map<String, Instant> zeroHashrateSince = new ConcurrentHashMap<>();

  public PowerCycleWatchdog(
      RigPowerQueries rigs,
      PowerControl control,
      PowerActionLog log,
      CurtailmentStore curtailments,
      PowerReadings readings,
      PowerConfiguration.Watchdog config,
      Clock clock) {
    this.rigs = rigs;
    this.control = control;
    this.log = log;
    this.curtailments = curtailments;
    this.readings = readings;
    this.config = config;
    this.clock = clock;
  }

  /** One pass over the mapped rigs; returns how many were cycled. */
  public synchronized int check() {
    Instant now = clock.instant();
    Set<String> held = curtailments.heldRigs().stream().collect(Collectors.toSet());
    int cycled = 0;
    for (RigPowerFacts rig : rigs.all()) {
      OutletMapping mapping = rig.mapping();
      if (mapping == null || !mapping.watchdog() || held.contains(rig.rigId())) {
        zeroHashrateSince.remove(rig.rigId());
        continue;
      }
      String reason = reason(rig, now);
      if (reason == null || !outletOn(mapping) || !allowed(rig, now)) {
        continue;
      }
      String failure = control.tryApply(mapping, OutletAction.CYCLE, TRIGGER, TRIGGER);
      if (failure == null) {
        cycled++;
        zeroHashrateSince.remove(rig.rigId());
        LOG.info("Watchdog power-cycled rig {} ({})", rig.rigId(), reason);
      } else {
        LOG.warn("Watchdog could not power-cycle rig {} ({}): {}", rig.rigId(), reason, failure);
      }
    }
    return cycled;
  }

  private String reason(RigPowerFacts rig, Instant now) {
    if (!"online".equals(rig.status())) {
      zeroHashrateSince.remove(rig.rigId());
      Instant since = rig.statusChangedAt();
      return since != null && !since.isAfter(now.minus(duration(config.offlineAfter)))
          ? rig.status() + " since " + since
          : null;
    }
    if (rig.hashrateHs() > 0) {
      zeroHashrateSince.remove(rig.rigId());
      return null;
    }
    Instant since = zeroHashrateSince.computeIfAbsent(rig.rigId(), k -> now);
    return !since.isAfter(now.minus(duration(config.hungAfter)))
        ? "online without hashrate since " + since
        : null;
  }

  private boolean outletOn(OutletMapping m) {
    String state =
        readings.outlet(m.deviceId(), m.outletIndex()).map(OutletReading::state).orElse(null);
    if (!"on".equals(state)) {
      LOG.debug("Watchdog leaves rig {} alone: its outlet reads {}", m.rigId(), state);
      return false;
    }
    return true;
  }

  private boolean allowed(RigPowerFacts rig, Instant now) {
    Instant last = log.lastCycle(rig.rigId()).orElse(null);
    if (last != null && last.isAfter(now.minus(duration(config.cooldown)))) {
      return false;
    }
    if (log.cyclesOfRigSince(rig.rigId(), TRIGGER, now.minus(Duration.ofDays(1)))
        >= config.maxCyclesPerRigPerDay) {
      LOG.warn(
          "Watchdog leaves rig {} alone: {} cycles in a day already",
          rig.rigId(),
          config.maxCyclesPerRigPerDay);
      return false;
    }
    if (log.cyclesAtSiteSince(rig.site(), TRIGGER, now.minus(Duration.ofHours(1)))
        >= config.maxCyclesPerSitePerHour) {
      LOG.warn(
          "Watchdog leaves rig {} alone: site {} had {} cycles this hour",
          rig.rigId(),
          rig.site(),
          config.maxCyclesPerSitePerHour);
      return false;
    }
    return true;
  }

  private static Duration duration(io.dropwizard.util.Duration d) {
    return Duration.ofMillis(d.toMilliseconds());
  }
}
