package org.ungis.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the sign-in page; Spring Security's form login handles its {@code POST}. */
@Controller
class SignInController {

  static final String PATH = "/login";

  /** Set by {@link SlowDownFailures}: how many seconds the person must wait before trying again. */
  static final String WAIT_PARAMETER = "wait";

  private static final long LONGEST_WAIT_SECONDS = 3600;

  @GetMapping(PATH)
  ResponseEntity<String> signIn(HttpServletRequest request) {
    String language = SignInLanguage.of(request);
    boolean failed = request.getParameter("error") != null;
    long waitSeconds = waitSeconds(request.getParameter(WAIT_PARAMETER));
    String username = null;
    HttpSession session = request.getSession(false);
    if ((failed || waitSeconds > 0) && session != null) {
      username = (String) session.getAttribute(SignInFailure.LAST_USERNAME);
      session.removeAttribute(SignInFailure.LAST_USERNAME);
    }
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String html =
        SignInPage.render(
            new SignInPage.Model(
                language,
                request.getContextPath() + PATH,
                csrf.getParameterName(),
                csrf.getToken(),
                failed,
                username,
                waitSeconds));
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_LANGUAGE, language)
        .header("Content-Security-Policy", SignInPage.CONTENT_SECURITY_POLICY)
        .cacheControl(CacheControl.noStore())
        .body(html);
  }

  /** The wait to show, or {@code 0} for none, a bad value or one beyond any real wait. */
  private static long waitSeconds(String value) {
    if (value == null
        || value.isEmpty()
        || value.length() > 4
        || !value.chars().allMatch(Character::isDigit)) {
      return 0;
    }
    long seconds = Long.parseLong(value);
    return seconds <= LONGEST_WAIT_SECONDS ? seconds : 0;
  }
}
