package org.ungis.review.command;

/** Another command on the same aggregate held it for too long; the client may retry. */
public class BusyException extends RuntimeException {
  public BusyException(String key) {
    super("another change to " + key + " is in progress; retry");
  }
}
