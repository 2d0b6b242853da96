package org.ungis.auth;

/**
 * The one authorization server with the default settings that this module's integration tests
 * share: Failsafe runs them in one JVM, so it starts once, for the first class that asks, and stops
 * as the JVM exits. A test that needs other settings starts a server of its own. The tests that
 * share it sign in different people and clients, so none sees another's failed attempts.
 */
final class SharedAuthServer {

  private static EmbeddedAuthServer server;

  private SharedAuthServer() {}

  static synchronized EmbeddedAuthServer get() {
    if (server == null) {
      EmbeddedAuthServer started = EmbeddedAuthServer.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-auth-server-stop"));
      server = started;
    }
    return server;
  }
}
