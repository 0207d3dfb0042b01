/**
 * Release signatures shared by the controller (verifies uploads, signs from the CLI) and the agent
 * (verifies before installing): Ed25519 over an artifact's SHA-256 digest, keys as X.509
 * SubjectPublicKeyInfo (PEM or base64). JDK only ({@code java.security}, Java 15+).
 */
package io.otedama.protocol.release;
