package org.ungis.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.MessageFormat;
import java.util.Base64;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.web.util.HtmlUtils;
import org.ungis.reference.Person;

/**
 * The sign-in page, in one of the six UN languages: {@code lang} and {@code dir} on {@code <html>}
 * (Arabic right to left), a {@code <label>} for each field, the browser's own autofill hints, an
 * error summary announced as an alert that links to the field, and a language switcher. No script;
 * the one inline style sheet is allowed by its hash in the page's Content-Security-Policy.
 */
final class SignInPage {

  /**
   * What the page shows.
   *
   * @param language the page's language, one of {@link Person#LANGUAGES}
   * @param action where the form posts
   * @param csrfParameter the name of the CSRF token field
   * @param csrfToken the CSRF token
   * @param failed whether the last attempt failed
   * @param username the e-mail address to show in the field, or {@code null}
   * @param waitSeconds how long to wait before the next attempt after too many failures, {@code 0}
   *     when there is no need to wait
   */
  record Model(
      String language,
      String action,
      String csrfParameter,
      String csrfToken,
      boolean failed,
      String username,
      long waitSeconds) {

    boolean showsError() {
      return failed || waitSeconds > 0;
    }
  }

  static final String CSS =
      """
      *,*::before,*::after{box-sizing:border-box}
      body{margin:0;font-family:system-ui,"Segoe UI","Noto Sans","Noto Sans Arabic","Noto Sans CJK SC",sans-serif;font-size:1.0625rem;line-height:1.5;color:#1b1b1b;background:#f3f5f8}
      header{background:#003f6b;color:#fff;padding:.75rem 1.25rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between}
      header p{margin:0;font-weight:600}
      nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}
      nav a{color:#fff;text-underline-offset:.2em}
      nav a[aria-current]{font-weight:700;text-decoration:none;border-block-end:2px solid #fff}
      main{max-width:30rem;margin:2.5rem auto;padding:2rem;background:#fff;border:1px solid #c9d1da;border-radius:.5rem}
      h1{font-size:1.625rem;line-height:1.25;margin:0 0 1rem}
      .error-summary{border:4px solid #b3261e;padding:1rem 1.25rem;margin:0 0 1.5rem}
      .error-summary h2{font-size:1.25rem;margin:0 0 .5rem}
      .error-summary ul{margin:0;padding-inline-start:1.25rem}
      .error-summary a{color:#b3261e;font-weight:600}
      .field{margin:0 0 1.25rem}
      label{display:block;font-weight:600;margin:0 0 .25rem}
      .field-error{color:#b3261e;font-weight:600;margin:0 0 .25rem}
      input{width:100%;font:inherit;padding:.5rem .625rem;border:2px solid #4a5563;border-radius:.25rem;background:#fff;color:#1b1b1b}
      input[aria-invalid=true]{border-color:#b3261e}
      button{font:inherit;font-weight:600;padding:.625rem 1.5rem;border:0;border-radius:.25rem;background:#005a9c;color:#fff;cursor:pointer}
      button:hover{background:#003f6b}
      a:focus-visible,input:focus-visible,button:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #1b1b1b}
      .visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);border:0;white-space:nowrap}
      """;

  /** The page's Content-Security-Policy: nothing but its own inline style sheet. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src '"
          + sha256(CSS)
          + "'; frame-ancestors 'none'; base-uri 'none'";

  private static final String[][] LANGUAGE_NAMES = {
    {"ar", "العربية"},
    {"zh", "中文"},
    {"en", "English"},
    {"fr", "Français"},
    {"ru", "Русский"},
    {"es", "Español"}
  };

  private SignInPage() {}

  static String render(Model model) {
    ResourceBundle text = messages(model.language());
    String error =
        model.waitSeconds() > 0
            ? new MessageFormat(
                    text.getString("errorSlowDown"), Locale.forLanguageTag(model.language()))
                .format(new Object[] {model.waitSeconds()})
            : text.getString("errorBadCredentials");
    String dir = SignInLanguage.isRightToLeft(model.language()) ? "rtl" : "ltr";
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html>\n<html lang=\"")
        .append(model.language())
        .append("\" dir=\"")
        .append(dir)
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(model.showsError() ? esc(text.getString("errorPrefix")) + " " : "")
        .append(esc(text.getString("title")))
        .append(" – UNGIS</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<header>\n<p>")
        .append(esc(text.getString("org")))
        .append("</p>\n<nav aria-label=\"")
        .append(esc(text.getString("languages")))
        .append("\">\n<ul>\n");
    for (String[] language : LANGUAGE_NAMES) {
      html.append("<li><a href=\"")
          .append(esc(model.action()))
          .append("?ui_locales=")
          .append(language[0])
          .append("\" hreflang=\"")
          .append(language[0])
          .append("\" lang=\"")
          .append(language[0])
          .append("\" dir=\"")
          .append(SignInLanguage.isRightToLeft(language[0]) ? "rtl" : "ltr")
          .append('"')
          .append(language[0].equals(model.language()) ? " aria-current=\"true\"" : "")
          .append('>')
          .append(language[1])
          .append("</a></li>\n");
    }
    html.append("</ul>\n</nav>\n</header>\n<main>\n<h1>")
        .append(esc(text.getString("heading")))
        .append("</h1>\n");
    if (model.showsError()) {
      html.append(
              "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\">\n")
          .append("<h2 id=\"error-summary-title\">")
          .append(esc(text.getString("errorTitle")))
          .append("</h2>\n<ul>\n<li><a href=\"#username\">")
          .append(esc(error))
          .append("</a></li>\n</ul>\n</div>\n");
    }
    html.append("<p>")
        .append(esc(text.getString("intro")))
        .append("</p>\n<form method=\"post\" action=\"")
        .append(esc(model.action()))
        .append("\">\n<input type=\"hidden\" name=\"")
        .append(esc(model.csrfParameter()))
        .append("\" value=\"")
        .append(esc(model.csrfToken()))
        .append("\">\n<input type=\"hidden\" name=\"ui_locales\" value=\"")
        .append(model.language())
        .append("\">\n<div class=\"field\">\n<label for=\"username\">")
        .append(esc(text.getString("email")))
        .append("</label>\n");
    String invalid = "";
    if (model.showsError()) {
      html.append("<p id=\"sign-in-error\" class=\"field-error\"><span class=\"visually-hidden\">")
          .append(esc(text.getString("errorPrefix")))
          .append(" </span>")
          .append(esc(error))
          .append("</p>\n");
      invalid = " aria-invalid=\"true\" aria-describedby=\"sign-in-error\"";
    }
    boolean knownUsername = model.username() != null && !model.username().isBlank();
    html.append("<input id=\"username\" name=\"username\" type=\"email\" dir=\"ltr\"")
        .append(" autocomplete=\"username\" spellcheck=\"false\" autocapitalize=\"none\" required")
        .append(knownUsername ? " value=\"" + esc(model.username()) + "\"" : " autofocus")
        .append(invalid)
        .append(">\n</div>\n<div class=\"field\">\n<label for=\"password\">")
        .append(esc(text.getString("password")))
        .append("</label>\n<input id=\"password\" name=\"password\" type=\"password\" dir=\"ltr\"")
        .append(" autocomplete=\"current-password\" required")
        .append(knownUsername ? " autofocus" : "")
        .append(invalid)
        .append(">\n</div>\n<button type=\"submit\">")
        .append(esc(text.getString("submit")))
        .append("</button>\n</form>\n</main>\n</body>\n</html>\n");
    return html.toString();
  }

  static ResourceBundle messages(String language) {
    return ResourceBundle.getBundle(
        "org.ungis.auth.sign_in",
        Locale.forLanguageTag(language),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static String esc(String text) {
    return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
