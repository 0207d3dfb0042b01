/**
 * The payout schemes as pure functions: PPS, FPPS, PPLNS and PROP credits, pool and hosting fees,
 * electricity charges, and the proportional split that sends every rounding remainder to dust.
 * Amounts are satoshis in {@code long}; difficulties are exact {@link java.math.BigDecimal}s; every
 * division rounds down. No I/O and no dependencies beyond the JDK, so every rule here is tested
 * with hand-computed numbers.
 */
package io.otedama.controller.payouts.scheme;
