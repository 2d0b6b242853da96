package org.ungis.routing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body is read into memory only up to the routing's {@link BodyLimit}: a longer one is
 * answered 413 {@code payload-too-large}, whether it says so ({@code Content-Length}) or not
 * (chunked), and at most {@code max + 1} bytes of it are ever read.
 */
class OwnerRoutingTest {

  static final int MAX = 1024;
  static final JsonMapper JSON = JsonMapper.builder().build();

  OwnerHttpServer owner;
  RequestForwarder forwarder;
  OwnerRouting routing;

  @BeforeEach
  void start() throws Exception {
    owner = new OwnerHttpServer();
    forwarder = new RequestForwarder(Duration.ofSeconds(5), new BodyLimit(MAX));
    routing = new OwnerRouting(new RemoteOwner(owner.host()), forwarder, "contribution");
  }

  @AfterEach
  void stop() {
    forwarder.close();
    owner.close();
  }

  @Test
  void aBodyWithinTheLimitIsForwardedToTheOwnerAsIs() throws Exception {
    byte[] body = bytes(MAX);
    CountingRequest request = new CountingRequest(body, true);
    MockHttpServletResponse response = new MockHttpServletResponse();

    assertThat(routing.serveHere(request, response, "c-1")).isFalse();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(owner.bodies()).containsExactly(body);
  }

  @Test
  void aDeclaredContentLengthOverTheLimitIs413BeforeAnythingIsRead() throws Exception {
    CountingRequest request = new CountingRequest(bytes(MAX + 1), true);
    MockHttpServletResponse response = new MockHttpServletResponse();

    assertThat(routing.serveHere(request, response, "c-1")).isFalse();

    assertPayloadTooLarge(response);
    assertThat(request.read).isZero();
    assertThat(owner.bodies()).isEmpty();
  }

  @Test
  void aChunkedBodyThatTurnsOutLongerIs413AfterReadingAtMostOneByteMoreThanTheLimit()
      throws Exception {
    CountingRequest request = new CountingRequest(bytes(10 * 1024 * 1024), false);
    MockHttpServletResponse response = new MockHttpServletResponse();

    assertThat(routing.serveHere(request, response, "c-1")).isFalse();

    assertPayloadTooLarge(response);
    assertThat(request.read).isEqualTo(MAX + 1L);
    assertThat(owner.bodies()).isEmpty();
  }

  @Test
  void aBodyReadToFindItsKeyIsReadOnlyUpToTheLimit() throws Exception {
    CountingRequest longer = new CountingRequest(bytes(10 * 1024 * 1024), false);
    MockHttpServletResponse response = new MockHttpServletResponse();

    assertThat(routing.withBody(longer, response)).isNull();

    assertPayloadTooLarge(response);
    assertThat(longer.read).isEqualTo(MAX + 1L);

    byte[] body = "{\"id\":\"call-1\"}".getBytes(StandardCharsets.UTF_8);
    CachedBodyRequest cached =
        routing.withBody(new CountingRequest(body, false), new MockHttpServletResponse());
    assertThat(cached.body()).isEqualTo(body);
    assertThat(cached.getInputStream().readAllBytes()).isEqualTo(body);
  }

  private static void assertPayloadTooLarge(MockHttpServletResponse response) throws Exception {
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    JsonNode problem = JSON.readTree(response.getContentAsByteArray());
    assertThat(problem.get("type").asString())
        .isEqualTo("https://ungis.org/problems/payload-too-large");
    assertThat(problem.get("status").asInt()).isEqualTo(413);
    assertThat(problem.get("detail").asString()).contains(String.valueOf(MAX));
  }

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) 'x');
    return bytes;
  }

  /** Ownership as a running instance sees it: routing on, every key held by one other instance. */
  static final class RemoteOwner extends PartitionOwners {

    private final HostInfo remote;

    RemoteOwner(HostInfo remote) {
      super(new StreamsBuilderFactoryBean(), "store", "topic");
      this.remote = remote;
    }

    @Override
    public Optional<HostInfo> self() {
      return Optional.of(RequestForwarderTest.SELF);
    }

    @Override
    public Owner ownerOf(String key) {
      return new Remote(remote);
    }
  }

  /** A POST whose body stream counts the bytes read from it; chunked when it has no length. */
  static final class CountingRequest extends MockHttpServletRequest {

    private final byte[] body;
    private final boolean declared;
    long read;

    CountingRequest(byte[] body, boolean declared) {
      super("POST", "/api/v1/contributions/c-1/revisions");
      this.body = body;
      this.declared = declared;
      addHeader("Authorization", "Bearer t");
      setContentType("application/json");
    }

    @Override
    public int getContentLength() {
      return declared ? body.length : -1;
    }

    @Override
    public long getContentLengthLong() {
      return getContentLength();
    }

    @Override
    public ServletInputStream getInputStream() {
      return new ServletInputStream() {
        private int position;

        @Override
        public int read() {
          if (position >= body.length) {
            return -1;
          }
          CountingRequest.this.read++;
          return body[position++];
        }

        @Override
        public int read(byte[] into, int offset, int length) {
          if (position >= body.length) {
            return -1;
          }
          int n = Math.min(length, body.length - position);
          System.arraycopy(body, position, into, offset, n);
          position += n;
          CountingRequest.this.read += n;
          return n;
        }

        @Override
        public boolean isFinished() {
          return position >= body.length;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }
  }
}
