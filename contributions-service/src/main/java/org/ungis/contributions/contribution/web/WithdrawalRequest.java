package org.ungis.contributions.contribution.web;

/** The body of a withdrawal: why the agency takes its contribution back (required). */
record WithdrawalRequest(String reason) {}
