package io.otedama.controller.power;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.otedama.controller.api.ApiException;
import io.otedama.controller.commands.CommandService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs curtailment events. Each {@link #tick()} (every {@code checkInterval}): starts events whose
 * time has come (measuring the baseline), compares measured fleet power with the goal (the ramp
 * moves the goal from the baseline to the target), and when above it curtails more rigs, least
 * efficient first (highest J/TH): {@code set-power-mode} for rigs that have power modes, outlet-off
 * for mapped rigs that do not. After the end (or a cancel) it restores in staggered steps.
 */
public final class CurtailmentService {
  private static final Logger LOG = LoggerFactory.getLogger(CurtailmentService.class);
  private static final String TRIGGER = "curtailment";
  private final CurtailmentStore store;
  private final PowerMeasurements measurements;
  private final RigPowerQueries rigs;
  private final CommandService commands;
  private final PowerControl control;
  private final PowerMetrics metrics;
  private final PowerConfiguration.Curtailment config;
  private final ObjectMapper json;
  private final Clock clock;

  public CurtailmentService(
      CurtailmentStore store,
      PowerMeasurements measurements,
      RigPowerQueries rigs,
      CommandService commands,
      PowerControl control,
      PowerMetrics metrics,
      PowerConfiguration.Curtailment config,
      ObjectMapper json,
      Clock clock) {
    this.store = store;
    this.measurements = measurements;
    this.rigs = rigs;
    this.commands = commands;
    this.control = control;
    this.metrics = metrics;
    this.config = config;
    this.json = json;
    this.clock = clock;
  }

  /** The body of {@code POST /api/v1/power/curtailments}. */
  public record NewEvent(
      String mode, Double kw, Instant startsAt, Instant endsAt, Integer rampSeconds) {}

  public CurtailmentEvent create(NewEvent e, String by) {
    if (e == null || !("target".equals(e.mode()) || "reduce".equals(e.mode()))) {
      throw ApiException.badRequest("mode must be target (fleet kW) or reduce (kW off).");
    }
    if (e.kw() == null || !(e.kw() >= 0) || e.kw() > 1_000_000) {
      throw ApiException.badRequest("kw must be a number from 0 to 1000000.");
    }
    Instant now = clock.instant();
    Instant starts = e.startsAt() == null ? now : e.startsAt();
    if (e.endsAt() == null || !e.endsAt().isAfter(starts) || !e.endsAt().isAfter(now)) {
      throw ApiException.badRequest("endsAt is required and must be after startsAt and now.");
    }
    int ramp = e.rampSeconds() == null ? 0 : e.rampSeconds();
    if (ramp < 0 || ramp > 86_400) {
      throw ApiException.badRequest("rampSeconds must be from 0 to 86400.");
    }
    long id = store.create(e.mode(), e.kw(), starts, e.endsAt(), ramp, by, now);
    return get(id);
  }

  public CurtailmentEvent get(long id) {
    return store
        .find(id)
        .orElseThrow(() -> ApiException.notFound("There is no curtailment event " + id + "."));
  }

  public List<CurtailmentEvent> list(int limit) {
    return store.list(limit);
  }

  public CurtailmentEvent cancel(long id) {
    get(id);
    if (!store.cancel(id, clock.instant())) {
      throw ApiException.conflict("Curtailment event " + id + " has already ended.");
    }
    return get(id);
  }

  /** One pass over the open events. */
  public synchronized void tick() {
    Instant now = clock.instant();
    boolean running = false;
    for (CurtailmentEvent e : store.open()) {
      try {
        running |= step(e, now);
      } catch (RuntimeException ex) {
        LOG.warn("Curtailment event {} step failed; it runs again next check", e.id(), ex);
      }
    }
    if (!running) {
      metrics.curtailment(false, 0, 0);
    }
  }

  private boolean step(CurtailmentEvent e, Instant now) {
    switch (e.status()) {
      case "scheduled" -> {
        if (now.isBefore(e.startsAt())) {
          return false;
        }
        if (!now.isBefore(e.endsAt())) {
          store.status(e.id(), "done");
          return false;
        }
        double baseline = fleetWatts(measurements.all());
        store.activate(e.id(), baseline);
        LOG.info("Curtailment event {} starts at {} W measured", e.id(), baseline);
        enforce(store.find(e.id()).orElseThrow(), now);
        return true;
      }
      case "active" -> {
        if (!now.isBefore(e.endsAt())) {
          store.status(e.id(), "restoring");
          restoreStep(store.find(e.id()).orElseThrow(), now);
          return false;
        }
        enforce(e, now);
        return true;
      }
      case "restoring" -> {
        restoreStep(e.withRigs(store.rigs(e.id())), now);
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  private void enforce(CurtailmentEvent e, Instant now) {
    List<RigPower> all = measurements.all();
    Map<String, RigPower> byRig =
        all.stream().collect(Collectors.toMap(RigPower::rigId, Function.identity()));
    double measured = fleetWatts(all);
    double baseline = e.baselineW() == null ? measured : e.baselineW();
    double finalGoal =
        "target".equals(e.mode()) ? e.kw() * 1000 : Math.max(0, baseline - e.kw() * 1000);
    double goal = finalGoal;
    if (e.rampSeconds() > 0 && baseline > finalGoal) {
      double elapsed = Duration.between(e.startsAt(), now).toMillis() / 1000.0;
      double fraction = Math.min(1.0, Math.max(0, elapsed / e.rampSeconds()));
      goal = baseline - (baseline - finalGoal) * fraction;
    }
    // rigs curtailed within the last check may not show it in the measurements yet
    Duration settle = Duration.ofMillis(config.checkInterval.toMilliseconds());
    List<CurtailedRig> mine = store.rigs(e.id());
    double pending = 0;
    for (CurtailedRig c : mine) {
      RigPower now0 = byRig.get(c.rigId());
      if (c.restoredAt() == null
          && c.curtailedAt().isAfter(now.minus(settle))
          && now0 != null
          && now0.powerW() != null
          && c.powerW() != null) {
        double expected =
            "outlet-off".equals(c.method()) ? 0 : c.powerW() * (1 - config.powerModeSaving);
        pending += Math.max(0, now0.powerW() - expected);
      }
    }
    double excess = measured - pending - goal;
    if (excess > 0) {
      Set<String> held = new HashSet<>(store.heldRigs());
      List<RigPower> candidates =
          all.stream()
              .filter(r -> "online".equals(r.status()) || "on".equals(r.outletState()))
              .filter(r -> !held.contains(r.rigId()))
              .filter(r -> r.powerW() != null && r.powerW() > 0)
              .filter(r -> r.powerModes() || r.deviceId() != null)
              .sorted(
                  Comparator.comparing((RigPower r) ->
                          r.joulesPerTerahash() == null ? Double.MAX_VALUE : r.joulesPerTerahash())
                      .reversed()
                      .thenComparing(RigPower::powerW, Comparator.reverseOrder()))
              .toList();
      for (RigPower r : candidates) {
        if (excess <= 0) {
          break;
        }
        Double saved = curtail(e, r, now);
        if (saved != null) {
          excess -= saved;
        }
      }
    }
    boolean met = measured <= goal * 1.001;
    store.checked(e.id(), goal, measured, met, now);
    metrics.curtailment(true, goal, measured);
  }

  private Double curtail(CurtailmentEvent e, RigPower r, Instant now) {
    String actor = "curtailment #" + e.id();
    if (r.powerModes()) {
      try {
        commands.issue(
            r.rigId(),
            "set-power-mode",
            json.valueToTree(Map.of("mode", config.curtailMode)),
            null,
            actor);
      } catch (ApiException ex) {
        LOG.warn("Curtailment {} could not command rig {}: {}", e.id(), r.rigId(), ex.getMessage());
        return null;
      }
      store.addRig(e.id(), r.rigId(), "power-mode", now, r.powerW());
      return r.powerW() * config.powerModeSaving;
    }
    OutletMapping mapping = rigs.rig(r.rigId()).map(RigPowerFacts::mapping).orElse(null);
    if (mapping == null) {
      return null;
    }
    String failure = control.tryApply(mapping, OutletAction.OFF, TRIGGER, actor);
    if (failure != null) {
      LOG.warn("Curtailment {} could not switch off rig {}: {}", e.id(), r.rigId(), failure);
      return null;
    }
    store.addRig(e.id(), r.rigId(), "outlet-off", now, r.powerW());
    return r.powerW();
  }

  private void restoreStep(CurtailmentEvent e, Instant now) {
    Duration interval = Duration.ofMillis(config.restoreStepInterval.toMilliseconds());
    if (e.lastRestoreAt() != null && now.isBefore(e.lastRestoreAt().plus(interval))) {
      return;
    }
    List<CurtailedRig> left =
        store.rigs(e.id()).stream().filter(c -> c.restoredAt() == null).toList();
    int done = 0;
    for (CurtailedRig c : left) {
      if (done >= config.restoreBatch) {
        break;
      }
      if (restore(e, c)) {
        store.restored(e.id(), c.rigId(), now);
        done++;
      }
    }
    store.restoreStepDone(e.id(), now);
    if (left.size() - done == 0) {
      store.status(e.id(), "done");
      LOG.info("Curtailment event {} restored every rig", e.id());
    }
  }

  private boolean restore(CurtailmentEvent e, CurtailedRig c) {
    String actor = "curtailment #" + e.id();
    if ("power-mode".equals(c.method())) {
      try {
        commands.issue(
            c.rigId(),
            "set-power-mode",
            json.valueToTree(Map.of("mode", config.restoreMode)),
            null,
            actor);
        return true;
      } catch (ApiException ex) {
        LOG.warn("Curtailment {} could not restore rig {}: {}", e.id(), c.rigId(), ex.getMessage());
        return ex.status() == 404; // the rig is gone: nothing left to restore
      }
    }
    OutletMapping mapping = rigs.rig(c.rigId()).map(RigPowerFacts::mapping).orElse(null);
    if (mapping == null) {
      return true;
    }
    String failure = control.tryApply(mapping, OutletAction.ON, TRIGGER, actor);
    if (failure != null) {
      LOG.warn(
          "Curtailment {} could not switch rig {} back on: {}; next step retries",
          e.id(),
          c.rigId(),
          failure);
      return false;
    }
    return true;
  }

  private static double fleetWatts(List<RigPower> all) {
    return all.stream()
        .map(RigPower::powerW)
        .filter(w -> w != null)
        .mapToDouble(Double::doubleValue)
        .sum();
  }
}
