package org.ungis.reference;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person who works on the platform, signed in as themselves.
 *
 * @param id the login name, the person's e-mail address in lower case; the {@code sub} of their
 *     tokens
 * @param name the name shown to others and carried in tokens ({@code name} claim)
 * @param email where the platform writes to the person; the {@code principal} of their tokens
 * @param agency the member code of the agency the person works for
 * @param role what the person does on the platform
 * @param language the preferred language, one of {@link #LANGUAGES} (used for e-mails and as the
 *     portal's default)
 * @param awaitingReview how a reviewer hears of the inputs and revisions awaiting them: at once
 *     (the default) or in a daily digest
 */
public record Person(
    String id,
    String name,
    String email,
    String agency,
    Role role,
    String language,
    AwaitingReview awaitingReview) {

  /** The six official languages of the United Nations, as BCP 47 tags. */
  public static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** What a person does on the platform. */
  public enum Role {
    /** Submits, revises and withdraws the inputs of their agency. */
    FOCAL_POINT,
    /** Reviews inputs when their agency chairs or vice-chairs the period (the rota decides). */
    REVIEWER
  }

  /** How a reviewer hears of the inputs and revisions awaiting them. */
  public enum AwaitingReview {
    /** One e-mail per input or revision, as it arrives. */
    IMMEDIATELY,
    /** One e-mail a day listing the day's inputs and revisions, after the day ends (UTC). */
    DAILY_DIGEST
  }

  /** A person who hears of inputs awaiting review at once. */
  public Person(String id, String name, String email, String agency, Role role, String language) {
    this(id, name, email, agency, role, language, AwaitingReview.IMMEDIATELY);
  }

  public Person {
    awaitingReview = awaitingReview == null ? AwaitingReview.IMMEDIATELY : awaitingReview;
    Objects.requireNonNull(email, "email");
    email = email.strip().toLowerCase(Locale.ROOT);
    id = id == null ? email : id.strip().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(email).matches()) {
      throw new IllegalArgumentException("not an e-mail address: " + email);
    }
    if (id.isEmpty()) {
      throw new IllegalArgumentException("empty id of person " + email);
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("person " + id + " has no name");
    }
    Objects.requireNonNull(agency, "agency of person " + id);
    Objects.requireNonNull(role, "role of person " + id);
    if (language == null || !LANGUAGES.contains(language)) {
      throw new IllegalArgumentException(
          "person " + id + " has language " + language + ", not one of " + LANGUAGES);
    }
  }

  /** The preferred language as a {@link Locale}. */
  public Locale locale() {
    return Locale.forLanguageTag(language);
  }
}
