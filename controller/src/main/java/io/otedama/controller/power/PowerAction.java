package io.otedama.controller.power;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One outlet action as recorded: what, on which outlet, why, by whom, and how it ended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PowerAction(
    long id,
    Instant at,
    String rigId,
    String deviceId,
    Integer outletIndex,
    String site,
    String action,
    String trigger,
    String actor,
    String result,
    String detail) {}
