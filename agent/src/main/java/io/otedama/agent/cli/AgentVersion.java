package io.otedama.agent.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (absent when running from classes). */
final class AgentVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = AgentCli.class.getPackage().getImplementationVersion();
    return new String[] {"otedama-agent " + (v == null ? "development" : v)};
  }
}
