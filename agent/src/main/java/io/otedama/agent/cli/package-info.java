/**
 * The agent's command line ({@code otedama-agent.jar}): one picocli class per subcommand, wired
 * together by {@link io.otedama.agent.cli.AgentCli}. Bad arguments end with exit code 2 and one
 * line on stderr. Commands here may use everything in the agent; the hashing tools ({@code hash},
 * {@code share}, {@code bench}) only use {@code io.otedama.hashing}.
 */
package io.otedama.agent.cli;
