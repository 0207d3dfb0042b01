/**
 * JMH benchmarks of the hashing hot paths, run side by side with the naive MessageDigest baseline
 * by the {@code bench} Maven profile (see docs/performance.md). Test code only; never part of
 * {@code verify}.
 */
package io.otedama.hashing.bench;
