package org.ungis.contributions.contribution.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ungis.contributions.contribution.Contribution;

/** The body of a withdrawal: why the agency takes its contribution back (required). */
record WithdrawalRequest(
    @Schema(
            description = "Required, not blank",
            maxLength = Contribution.REASON_MAX,
            requiredMode = Schema.RequiredMode.REQUIRED)
        String reason) {}
