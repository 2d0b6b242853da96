package org.ungis.review.web;

/** No acting agency or principal on the request. */
class UnauthenticatedException extends RuntimeException {
  UnauthenticatedException(String message) {
    super(message);
  }
}
