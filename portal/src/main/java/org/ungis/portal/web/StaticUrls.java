package org.ungis.portal.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The URLs of the portal's static files as the pages link them ({@code
 * ${@staticUrls.path('/webjars/htmx.org/dist/htmx.min.js')}} is {@code
 * /webjars/htmx.org/2.0.4/dist/htmx.min.js}), each resolved once through Spring's resource chain
 * and then remembered: the files do not change while the portal runs.
 *
 * <p>Spring Boot's {@link ResourceUrlEncodingFilter} would resolve every URL a page writes (each
 * link of a table row) through the chain, looking for a static file of that name on the classpath
 * and finding none, on every request: a sixth of the rendering time of a page of links. It is
 * switched off; only the layout's stylesheet and scripts are static files.
 */
@Component("staticUrls")
class StaticUrls {

  private final ResourceUrlProvider resources;
  private final ConcurrentMap<String, String> resolved = new ConcurrentHashMap<>();

  StaticUrls(ResourceUrlProvider mvcResourceUrlProvider) {
    this.resources = mvcResourceUrlProvider;
  }

  /** The path to link a static file with: its version in a WebJar's path, once resolved. */
  public String path(String path) {
    String known = resolved.get(path);
    if (known != null) {
      return known;
    }
    String versioned = resources.getForLookupPath(path);
    if (versioned == null) { // not a static file, or the chain not ready yet: asked again next time
      return path;
    }
    resolved.put(path, versioned);
    return versioned;
  }

  /** Takes the place of Spring Boot's registration of the filter, disabled. */
  @Bean
  static FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> off =
        new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    off.setEnabled(false);
    return off;
  }
}
