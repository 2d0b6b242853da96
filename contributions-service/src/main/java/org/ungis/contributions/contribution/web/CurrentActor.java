package org.ungis.contributions.contribution.web;

import java.util.Locale;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.ungis.contributions.contribution.Actor;

/**
 * The one place that knows who is acting: resolves every {@link Actor} parameter of a controller
 * method. Until the access-control issue binds it to the bearer token, the agency and principal
 * come from the headers {@value #AGENCY_HEADER} and {@value #PRINCIPAL_HEADER}; without them the
 * request is refused with 401.
 */
@Component
class CurrentActor implements HandlerMethodArgumentResolver {

  static final String AGENCY_HEADER = "X-Ungis-Agency";
  static final String PRINCIPAL_HEADER = "X-Ungis-Principal";

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return Actor.class.equals(parameter.getParameterType());
  }

  @Override
  public Actor resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    String agency = request.getHeader(AGENCY_HEADER);
    String principal = request.getHeader(PRINCIPAL_HEADER);
    if (agency == null || agency.isBlank() || principal == null || principal.isBlank()) {
      throw new NotAuthenticatedException(
          "Say who acts with the headers " + AGENCY_HEADER + " and " + PRINCIPAL_HEADER);
    }
    return new Actor(agency.trim().toUpperCase(Locale.ROOT), principal.trim());
  }

  /** No acting agency or principal could be established. */
  static class NotAuthenticatedException extends RuntimeException {
    NotAuthenticatedException(String message) {
      super(message);
    }
  }
}
