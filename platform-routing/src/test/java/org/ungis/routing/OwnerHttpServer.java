package org.ungis.routing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.state.HostInfo;

/**
 * A stand-in for the instance that owns a key: a real HTTP server on a random local port that
 * answers {@code 200} with the body it got, or, while {@link #stall()} is on, holds every request
 * until {@link #close()}.
 */
final class OwnerHttpServer implements AutoCloseable {

  private final HttpServer server;
  private final CountDownLatch released = new CountDownLatch(1);
  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  private volatile boolean stalled;

  OwnerHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  HostInfo host() {
    return new HostInfo("127.0.0.1", server.getAddress().getPort());
  }

  /** Every request from now on waits for {@link #close()} before it is answered. */
  OwnerHttpServer stall() {
    stalled = true;
    return this;
  }

  /** The bodies of the requests answered so far. */
  List<byte[]> bodies() {
    return bodies;
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (stalled) {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    bodies.add(body);
    byte[] answer = body.length == 0 ? "[]".getBytes(StandardCharsets.UTF_8) : body;
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
