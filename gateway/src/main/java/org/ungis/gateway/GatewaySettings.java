package org.ungis.gateway;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services answer (their base URLs, as the gateway reaches them).
 *
 * @param contributions contributions-service
 * @param review review-service
 * @param publication publication-service
 */
@ConfigurationProperties("ungis.gateway")
record GatewaySettings(
    @DefaultValue("http://localhost:8082") URI contributions,
    @DefaultValue("http://localhost:8083") URI review,
    @DefaultValue("http://localhost:8084") URI publication) {}
