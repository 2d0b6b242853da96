package org.ungis.web;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link QueryParameterCheck} in front of every endpoint of a service's API ({@code /api/**})
 * and of its instances' internal endpoints ({@code /internal/**}); with springdoc on the class
 * path, completes the service's OpenAPI document ({@link ApiDocumentation}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformWebAutoConfiguration implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new QueryParameterCheck()).addPathPatterns("/api/**", "/internal/**");
  }

  /** The OpenAPI completion, only where the service documents its API with springdoc. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(OpenApiCustomizer.class)
  static class Documentation {

    @Bean
    ApiDocumentation ungisApiDocumentation() {
      return new ApiDocumentation();
    }
  }
}
