package org.ungis.auth;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The platform's local OAuth2 authorization server (port 9000): people of the directory sign in
 * through the portal (authorization code with PKCE), and machine clients (each member agency's
 * intake client, each reviewer client) get client-credentials JWTs. Its configuration file is
 * {@code auth-server.yml} ({@code spring.config.name=auth-server}), so it can run inside another
 * application's JVM (see {@link EmbeddedAuthServer}) without reading that application's {@code
 * application.yml}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

  /** The name of this application's configuration file, without extension. */
  public static final String CONFIG_NAME = "auth-server";

  public static void main(String[] args) {
    builder().run(args);
  }

  static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(AuthServerApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME);
  }
}
