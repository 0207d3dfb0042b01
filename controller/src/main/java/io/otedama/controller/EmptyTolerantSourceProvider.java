package io.otedama.controller;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lets an empty configuration file (or one with only comments) mean "all defaults"; Dropwizard
 * itself refuses an empty file.
 */
final class EmptyTolerantSourceProvider implements ConfigurationSourceProvider {
  private final ConfigurationSourceProvider delegate;

  EmptyTolerantSourceProvider(ConfigurationSourceProvider delegate) {
    this.delegate = delegate;
  }

  @Override
  public InputStream open(String path) throws IOException {
    byte[] bytes;
    try (InputStream in = delegate.open(path)) {
      bytes = in.readAllBytes();
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    boolean blank =
        text.lines()
            .map(String::strip)
            .allMatch(l -> l.isEmpty() || l.startsWith("#") || l.equals("---"));
    return new ByteArrayInputStream(blank ? "{}".getBytes(StandardCharsets.UTF_8) : bytes);
  }
}
