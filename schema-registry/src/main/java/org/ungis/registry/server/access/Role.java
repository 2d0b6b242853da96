package org.ungis.registry.server.access;

/** What a registry user may do; each role may do everything the roles before it may. */
public enum Role {
  /** Reads, when reads are not open to everyone. */
  READER,
  /** Registers schemas and sets or removes a subject's compatibility level. */
  WRITER,
  /** Deletes subjects and versions, changes the global level and any mode. */
  ADMIN;

  boolean allows(Role required) {
    return compareTo(required) >= 0;
  }
}
