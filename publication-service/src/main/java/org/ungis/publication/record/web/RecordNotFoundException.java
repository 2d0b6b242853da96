package org.ungis.publication.record.web;

/** No record, or no such edition of it, was published. */
class RecordNotFoundException extends RuntimeException {

  RecordNotFoundException(String process, Integer edition) {
    super(
        edition == null
            ? "No record of process '" + process + "' has been published."
            : "Edition "
                + edition
                + " of the record of process '"
                + process
                + "' has not been published.");
  }
}
