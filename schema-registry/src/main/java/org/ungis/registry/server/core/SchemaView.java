package org.ungis.registry.server.core;

/** A subject's version as the API shows it. */
public record SchemaView(String subject, int version, int id, String schemaType, String schema) {}
