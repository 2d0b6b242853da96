package org.ungis.security;

import java.util.function.Predicate;

/**
 * The header values the request firewall lets through: no control characters and no unassigned code
 * points, the same rule as Spring Security's default, checked with a loop instead of a regular
 * expression. The default ran its pattern over the whole bearer token every time a filter read the
 * {@code Authorization} header, 15 % of review-service's CPU in the benchmark's profile.
 */
final class HeaderValues implements Predicate<String> {

  @Override
  public boolean test(String value) {
    for (int i = 0; i < value.length(); ) {
      int codePoint = value.codePointAt(i);
      if (Character.isISOControl(codePoint) || !Character.isDefined(codePoint)) {
        return false;
      }
      i += Character.charCount(codePoint);
    }
    return true;
  }
}
