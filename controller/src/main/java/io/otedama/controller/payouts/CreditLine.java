package io.otedama.controller.payouts;

import io.otedama.controller.payouts.scheme.PayoutScheme;
import java.math.BigDecimal;

/**
 * One credit or charge an accounting run booked for a client account: {@code net = gross - poolFee
 * - hostingFee - electricity}.
 *
 * @param source {@code block}, {@code pool_earning}, {@code pps} (PPS and FPPS) or {@code
 *     electricity}
 * @param sourceRef the block hash, the pool earning's key, or the period
 * @param scheme the account's scheme when it was booked
 * @param energyWs the energy an electricity line charged for (watt-seconds), else null
 */
public record CreditLine(
    long runId,
    long accountId,
    String source,
    String sourceRef,
    PayoutScheme scheme,
    long grossSats,
    long poolFeeSats,
    long hostingFeeSats,
    long electricitySats,
    long netSats,
    BigDecimal energyWs) {}
