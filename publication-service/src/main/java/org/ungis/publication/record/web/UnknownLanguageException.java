package org.ungis.publication.record.web;

/** A {@code lang} that is not one of the six official languages of the United Nations. */
class UnknownLanguageException extends RuntimeException {
  UnknownLanguageException(String lang) {
    super("'lang' must be one of AR, ZH, EN, FR, RU, ES, not '" + lang + "'.");
  }
}
