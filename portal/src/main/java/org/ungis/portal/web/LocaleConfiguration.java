package org.ungis.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The page language: the one the person chose with the language switcher ({@code ?lang=fr},
 * remembered for a year in the cookie {@code ungis-lang}), else the language the person prefers
 * (the ID token's {@code locale}, set at sign-in when no language was chosen yet), else the
 * browser's {@code Accept-Language}, else English.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

  static final String PARAMETER = "lang";

  @Bean
  MessageSource messageSource() {
    return new IcuMessageSource("messages");
  }

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver(Languages.COOKIE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieSameSite("Lax");
    resolver.setCookieHttpOnly(true);
    resolver.setDefaultLocaleFunction(
        request -> Languages.fromAcceptLanguage(request.getHeader("Accept-Language")));
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new LanguageSwitch());
  }

  /**
   * {@code ?lang=xx} with one of the six languages switches and remembers it; others are ignored.
   */
  static final class LanguageSwitch implements HandlerInterceptor {
    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler) {
      Languages.Language chosen = Languages.of(request.getParameter(PARAMETER));
      if (chosen != null) {
        LocaleResolver resolver =
            org.springframework.web.servlet.support.RequestContextUtils.getLocaleResolver(request);
        if (resolver != null) {
          resolver.setLocale(request, response, chosen.locale());
        }
      }
      return true;
    }
  }
}
