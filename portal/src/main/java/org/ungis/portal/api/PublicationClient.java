package org.ungis.portal.api;

import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.ungis.portal.PortalSettings;
import org.ungis.portal.api.Models.RecordEdition;
import org.ungis.portal.api.Models.RecordSummary;
import tools.jackson.databind.ObjectMapper;

/** publication-service's public API: the joint inputs (records) and their editions. */
@Component
public class PublicationClient {

  private final RestClient http;

  PublicationClient(
      RestClient.Builder builder,
      PortalSettings settings,
      OAuth2ClientHttpRequestInterceptor tokens,
      ObjectMapper json) {
    this.http =
        ApiConfiguration.client(
            builder, settings.api().publication(), settings.api().timeout(), tokens, json);
  }

  public List<RecordSummary> records() {
    return http.get()
        .uri("/api/v1/records")
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .body(new ParameterizedTypeReference<List<RecordSummary>>() {});
  }

  /** The latest edition, or edition {@code n} when given. */
  public RecordEdition edition(String process, Integer n) {
    return http.get()
        .uri(
            n == null ? "/api/v1/records/{p}" : "/api/v1/records/{p}/editions/{n}",
            n == null ? new Object[] {process} : new Object[] {process, n})
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .body(RecordEdition.class);
  }

  /** Edition {@code n} in one of the service's formats (JSON, Markdown, HTML). */
  public byte[] download(String process, int edition, MediaType format) {
    return http.get()
        .uri("/api/v1/records/{p}/editions/{n}", process, edition)
        .accept(format)
        .retrieve()
        .body(byte[].class);
  }
}
