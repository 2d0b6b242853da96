package org.ungis.publication.record;

import java.time.Instant;
import java.util.Objects;

/**
 * What a record says about its call for inputs and its document.
 *
 * @param title title of the call
 * @param description description, may be empty
 * @param deadline submission deadline
 * @param symbol document symbol such as {@code UNGIS/2023/GDC/1}, may be empty
 * @param language language of the document's labels (AR, ZH, EN, FR, RU, ES)
 * @param introduction the chair's introduction, may be empty
 * @param conclusion the chair's conclusion, may be empty
 */
public record CallInfo(
    String title,
    String description,
    Instant deadline,
    String symbol,
    String language,
    String introduction,
    String conclusion) {

  public CallInfo {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(deadline, "deadline");
    description = description == null ? "" : description;
    symbol = symbol == null ? "" : symbol;
    language = language == null || language.isBlank() ? "EN" : language;
    introduction = introduction == null ? "" : introduction;
    conclusion = conclusion == null ? "" : conclusion;
  }

  /** A call without document settings: no symbol, English labels, no framing. */
  public CallInfo(String title, String description, Instant deadline) {
    this(title, description, deadline, "", "EN", "", "");
  }

  /** Whether the chair's framing differs from another version of the call's. */
  public boolean framingDiffers(CallInfo other) {
    return other == null
        || !introduction.equals(other.introduction)
        || !conclusion.equals(other.conclusion);
  }
}
