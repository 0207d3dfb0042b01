package io.otedama.controller.api;

/** The error body of every failed API call (CONTRACTS §4). */
public record ApiError(int code, String message) {}
