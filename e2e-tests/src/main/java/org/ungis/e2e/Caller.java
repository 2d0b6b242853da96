package org.ungis.e2e;

import java.net.http.HttpRequest;

/**
 * Who makes an HTTP request. Until access control lands the services read the acting agency and
 * principal from two headers; with it, a bearer token replaces them ({@link #bearer(String)}).
 */
@FunctionalInterface
public interface Caller {

  void sign(HttpRequest.Builder request);

  /** Nobody in particular (public endpoints). */
  static Caller anonymous() {
    return request -> {};
  }

  /** {@code X-Ungis-Agency} and {@code X-Ungis-Principal}. */
  static Caller headers(String agency, String principal) {
    return request ->
        request.header("X-Ungis-Agency", agency).header("X-Ungis-Principal", principal);
  }

  /** {@code Authorization: Bearer <token>}. */
  static Caller bearer(String token) {
    return request -> request.header("Authorization", "Bearer " + token);
  }
}
