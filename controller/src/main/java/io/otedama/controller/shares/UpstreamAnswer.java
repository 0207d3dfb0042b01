package io.otedama.controller.shares;

import java.time.Instant;

/** The upstream's answer to a forwarded share: a row of {@code share_upstream_results}. */
public record UpstreamAnswer(
    String rigId, String shareId, String pool, String result, String detail, Instant answeredAt) {}
