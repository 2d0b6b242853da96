package org.ungis.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Sends a browser that is not signed in to the sign-in page, in the language the client asked for
 * with {@code ui_locales} if it did.
 */
final class SignInEntryPoint extends LoginUrlAuthenticationEntryPoint {

  SignInEntryPoint() {
    super(SignInController.PATH);
  }

  @Override
  protected String determineUrlToUseForThisRequest(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) {
    return SignInLanguage.fromUiLocales(request.getParameter(SignInLanguage.PARAMETER))
        .map(language -> SignInController.PATH + "?" + SignInLanguage.PARAMETER + "=" + language)
        .orElse(SignInController.PATH);
  }
}
