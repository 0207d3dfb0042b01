package io.otedama.controller.power;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A rig an event curtailed: how (power-mode or outlet-off), what it drew then, when restored. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CurtailedRig(
    String rigId, String method, Instant curtailedAt, Double powerW, Instant restoredAt) {}
