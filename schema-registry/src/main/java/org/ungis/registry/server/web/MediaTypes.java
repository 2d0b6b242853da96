package org.ungis.registry.server.web;

/** The content types of the Confluent API, most preferred first. */
final class MediaTypes {

  static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
  static final String DEFAULT_JSON = "application/vnd.schemaregistry+json";
  static final String JSON = "application/json";

  private MediaTypes() {}
}
