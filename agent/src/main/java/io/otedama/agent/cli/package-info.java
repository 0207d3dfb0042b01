/**
 * The agent's command line ({@code otedama-agent.jar}): one picocli class per subcommand ({@code
 * run}, {@code enroll}, {@code simulate}, {@code hash}, {@code share}, {@code bench}), wired
 * together by {@link io.otedama.agent.cli.AgentCli}. Bad arguments and bad configurations end with
 * exit code 2 and one line on stderr; other failures with exit code 1 and one line. The hashing
 * tools only use {@code io.otedama.hashing}; the others may use every agent package.
 */
package io.otedama.agent.cli;
