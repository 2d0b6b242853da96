package org.ungis.review;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the review service ({@code ungis.review.*}).
 *
 * @param viewTimeout how long a write waits for the local view to reflect it before answering
 * @param sendTimeout how long a write waits for the broker's acknowledgement before answering 503
 * @param lockTimeout how long a decision waits for another decision on the same contribution
 * @param maxRequestBody the longest request body the several-instances routing reads into memory
 *     (to forward it, or to find a new call's id); a longer one is answered 413. Above the longest
 *     new call (a 300-character title and a 10,000-character description: under 62 KB even with
 *     every character sent as a six-byte JSON escape); a decision's comment, which has no limit of
 *     its own, may be about as long
 */
@ConfigurationProperties("ungis.review")
public record ReviewSettings(
    @DefaultValue("5s") Duration viewTimeout,
    @DefaultValue("10s") Duration sendTimeout,
    @DefaultValue("10s") Duration lockTimeout,
    @DefaultValue("64KB") DataSize maxRequestBody) {}
