/**
 * The agent's configuration ({@code agent.yml}): typed settings, the validating loader (every
 * problem is one {@link io.otedama.agent.config.ConfigException} sentence naming the setting), and
 * the writer {@code enroll} uses to store credentials. Depends on Jackson YAML and the protocol
 * module's limits only.
 */
package io.otedama.agent.config;
