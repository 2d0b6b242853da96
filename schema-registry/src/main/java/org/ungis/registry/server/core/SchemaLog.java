package org.ungis.registry.server.core;

import java.util.List;

/** The registry's log: the only store. */
public interface SchemaLog {

  /**
   * Appends records in order and returns only once this instance has read them back and applied
   * them to its {@link RegistryState}.
   *
   * @throws RegistryException with {@link ErrorCode#STORE_ERROR} or {@link
   *     ErrorCode#OPERATION_TIMEOUT} when the log cannot be written or read back
   */
  void append(List<LogEntry> entries);
}
