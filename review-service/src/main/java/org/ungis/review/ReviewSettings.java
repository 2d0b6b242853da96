package org.ungis.review;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the review service ({@code ungis.review.*}).
 *
 * @param viewTimeout how long a write waits for the local view to reflect it before answering
 * @param sendTimeout how long a write waits for the broker's acknowledgement before answering 503
 * @param lockTimeout how long a decision waits for another decision on the same contribution
 */
@ConfigurationProperties("ungis.review")
public record ReviewSettings(
    @DefaultValue("5s") Duration viewTimeout,
    @DefaultValue("10s") Duration sendTimeout,
    @DefaultValue("10s") Duration lockTimeout) {}
