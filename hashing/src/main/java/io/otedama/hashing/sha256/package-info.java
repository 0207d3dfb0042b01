/**
 * SHA-256 building blocks: the compression function on int words (for midstates, scanners and
 * scrypt's PBKDF2) and one-shot SHA-256d over the JDK's intrinsified {@link
 * java.security.MessageDigest}. Depends on the JDK only.
 */
package io.otedama.hashing.sha256;
