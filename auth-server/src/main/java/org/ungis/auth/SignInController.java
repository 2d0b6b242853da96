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

  @GetMapping(PATH)
  ResponseEntity<String> signIn(HttpServletRequest request) {
    String language = SignInLanguage.of(request);
    boolean failed = request.getParameter("error") != null;
    String username = null;
    HttpSession session = request.getSession(false);
    if (failed && session != null) {
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
                username));
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_LANGUAGE, language)
        .header("Content-Security-Policy", SignInPage.CONTENT_SECURITY_POLICY)
        .cacheControl(CacheControl.noStore())
        .body(html);
  }
}
