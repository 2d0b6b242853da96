package org.ungis.registry.server.web;

/** A request body that is not the JSON the endpoint expects (Confluent: 400 / 400). */
final class BadRequestException extends RuntimeException {

  BadRequestException(String message) {
    super(message);
  }
}
