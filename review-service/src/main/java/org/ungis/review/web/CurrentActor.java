package org.ungis.review.web;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.ungis.review.rules.Actor;
import org.ungis.review.rules.Rota;

/**
 * The one place that knows who is acting. Until access control lands (issue 4), the acting agency
 * and principal come from the headers {@value #AGENCY} and {@value #PRINCIPAL}; then this class
 * reads the bearer token instead, and nothing else changes. A controller method receives the {@link
 * Actor} as a parameter.
 */
@Component
class CurrentActor implements HandlerMethodArgumentResolver {

  static final String AGENCY = "X-Ungis-Agency";
  static final String PRINCIPAL = "X-Ungis-Principal";

  private final Rota rota;

  CurrentActor(Rota rota) {
    this.rota = rota;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Actor.class;
  }

  @Override
  public Actor resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    String agency = request.getHeader(AGENCY);
    String principal = request.getHeader(PRINCIPAL);
    if (agency == null || agency.isBlank() || principal == null || principal.isBlank()) {
      throw new UnauthenticatedException(
          "the acting agency and principal are required (headers "
              + AGENCY
              + ", "
              + PRINCIPAL
              + ")");
    }
    agency = agency.strip();
    if (!rota.isMember(agency)) {
      throw new UnknownAgencyException(agency);
    }
    return new Actor(agency, principal.strip());
  }
}
