package org.ungis.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

/** How to tell that a {@link ServiceProcess} is ready. */
@FunctionalInterface
public interface Readiness {

  boolean isReady(ServiceProcess process) throws Exception;

  /** {@code GET http://localhost:<port><path>} answers 200 (e.g. Actuator's readiness group). */
  static Readiness http(String path) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    return process ->
        client
                .send(
                    HttpRequest.newBuilder(URI.create(process.baseUrl() + path))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200;
  }

  /** Spring Boot Actuator's {@code /actuator/health/readiness} is UP. */
  static Readiness actuator() {
    return http("/actuator/health/readiness");
  }

  /** A line of the process's log contains the marker (since the process's latest start). */
  static Readiness logLine(String marker) {
    return process -> {
      if (!Files.exists(process.logFile())) {
        return false;
      }
      String log = process.log();
      int lastStart = log.lastIndexOf("#### " + process.name() + " start ");
      return log.indexOf(marker, Math.max(0, lastStart)) >= 0;
    };
  }
}
