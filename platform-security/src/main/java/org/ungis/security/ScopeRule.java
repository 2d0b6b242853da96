package org.ungis.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One line of a service's table of required scopes ({@code ungis.security.scopes}): {@code POST
 * /api/v1/contributions/** contributions.write} means a request of that method on that path needs a
 * token carrying the scope {@code contributions.write} (authority {@code
 * SCOPE_contributions.write}) as well as whatever role the endpoint asks for. The method may be
 * left out ({@code /api/v1/x/** x.read}: any method).
 *
 * @param method the HTTP method, or {@code null} for any
 * @param pathPattern a path pattern, e.g. {@code /api/v1/contributions/**}
 * @param scope the scope the token must carry
 */
record ScopeRule(HttpMethod method, String pathPattern, String scope) {

  RequestMatcher matcher() {
    return method == null
        ? PathPatternRequestMatcher.pathPattern(pathPattern)
        : PathPatternRequestMatcher.pathPattern(method, pathPattern);
  }

  String authority() {
    return "SCOPE_" + scope;
  }

  /**
   * Parses the table; a malformed line stops the service from starting.
   *
   * @throws IllegalArgumentException naming the line
   */
  static List<ScopeRule> parse(List<String> lines) {
    List<ScopeRule> rules = new ArrayList<>();
    for (String line : lines) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2 && parts[0].startsWith("/")) {
        rules.add(new ScopeRule(null, parts[0], parts[1]));
      } else if (parts.length == 3 && parts[1].startsWith("/")) {
        rules.add(
            new ScopeRule(
                HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1], parts[2]));
      } else {
        throw new IllegalArgumentException(
            "ungis.security.scopes: '"
                + line
                + "' is not '[METHOD] /path/pattern scope', e.g. 'POST /api/v1/contributions"
                + " contributions.write'");
      }
    }
    return List.copyOf(rules);
  }
}
