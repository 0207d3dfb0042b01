package io.otedama.controller.api;

import java.util.List;

/** One page of a list: the items and the total number matching the filter. */
public record Page<T>(List<T> items, long total) {}
