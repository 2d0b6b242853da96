package org.ungis.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** The layout links the WebJars by their versioned paths, as the resource chain resolves them. */
class StaticUrlsTest {

  private final StaticUrls urls = new StaticUrls(provider());

  private static ResourceUrlProvider provider() {
    ResourceHttpRequestHandler webjars = new ResourceHttpRequestHandler();
    webjars.setLocations(List.of(new ClassPathResource("META-INF/resources/webjars/")));
    webjars.setResourceResolvers(
        List.of(new LiteWebJarsResourceResolver(), new PathResourceResolver()));
    ResourceUrlProvider provider = new ResourceUrlProvider();
    provider.setHandlerMap(Map.of("/webjars/**", webjars));
    return provider;
  }

  @Test
  void aWebJarsFileByItsVersionedPath() {
    assertThat(urls.path("/webjars/htmx.org/dist/htmx.min.js"))
        .matches("/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js");
    assertThat(urls.path("/webjars/htmx-ext-sse/sse.js"))
        .matches("/webjars/htmx-ext-sse/\\d+\\.\\d+\\.\\d+/sse\\.js");
    // remembered: the same answer again
    assertThat(urls.path("/webjars/htmx.org/dist/htmx.min.js"))
        .isEqualTo(urls.path("/webjars/htmx.org/dist/htmx.min.js"));
  }

  @Test
  void aPathTheChainDoesNotKnowAsItIs() {
    assertThat(urls.path("/webjars/no-such-library/x.js"))
        .isEqualTo("/webjars/no-such-library/x.js");
    assertThat(urls.path("/live.js")).isEqualTo("/live.js");
  }
}
