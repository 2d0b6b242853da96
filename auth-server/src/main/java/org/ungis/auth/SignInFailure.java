package org.ungis.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A wrong e-mail or password: back to the sign-in page, in the same language, with the error shown
 * and the e-mail address kept (remembered in the session for the next page only).
 */
final class SignInFailure implements AuthenticationFailureHandler {

  static final String LAST_USERNAME = SignInFailure.class.getName() + ".username";
  private static final int LONGEST_EMAIL = 320;

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    backToSignIn(request, response, "error");
  }

  /**
   * Sends the person back to the sign-in page in the language of the form, with the e-mail address
   * remembered for that page and {@code query} (e.g. {@code error}) telling it what to show.
   */
  static void backToSignIn(HttpServletRequest request, HttpServletResponse response, String query)
      throws IOException {
    String username = request.getParameter("username");
    if (username != null) {
      request
          .getSession()
          .setAttribute(
              LAST_USERNAME,
              username.length() > LONGEST_EMAIL ? username.substring(0, LONGEST_EMAIL) : username);
    }
    String language =
        SignInLanguage.fromUiLocales(request.getParameter(SignInLanguage.PARAMETER))
            .map(l -> "&" + SignInLanguage.PARAMETER + "=" + l)
            .orElse("");
    response.sendRedirect(
        request.getContextPath() + SignInController.PATH + "?" + query + language);
  }
}
