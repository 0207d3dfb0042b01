package io.otedama.agent.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (absent when running from classes). */
final class AgentVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"otedama-agent " + version()};
  }

  /** The version from the jar manifest, or {@code development} when running from classes. */
  static String version() {
    String v = AgentCli.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
