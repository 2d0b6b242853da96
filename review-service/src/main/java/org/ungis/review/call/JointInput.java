package org.ungis.review.call;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.ungis.review.rules.RuleViolation;

/**
 * What the chair sets for a call's joint input (the published document).
 *
 * @param symbol document symbol such as {@code UNGIS/2023/GDC/1}, empty when none was set
 * @param language language of the document's labels: AR, ZH, EN, FR, RU or ES
 * @param withdrawalAfterClosure whether an input may be withdrawn once the call is closed
 * @param introduction the chair's introduction (plain text), may be empty
 * @param conclusion the chair's conclusion (plain text), may be empty
 */
public record JointInput(
    String symbol,
    String language,
    WithdrawalRule withdrawalAfterClosure,
    String introduction,
    String conclusion) {

  /** The six official languages of the United Nations. */
  public static final Set<String> LANGUAGES = Set.of("AR", "ZH", "EN", "FR", "RU", "ES");

  /** The shape of a symbol: upper-case letters, digits, and {@code / . -} between them. */
  public static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9./-]{0,62}[A-Z0-9]");

  static final int MAX_FRAMING = 20_000;

  /** No symbol, English, withdrawals after closure refused, no framing. */
  public static final JointInput DEFAULT = new JointInput("", "EN", WithdrawalRule.REFUSED, "", "");

  public JointInput {
    symbol = symbol == null ? "" : symbol;
    language = language == null || language.isBlank() ? "EN" : language;
    withdrawalAfterClosure =
        withdrawalAfterClosure == null ? WithdrawalRule.REFUSED : withdrawalAfterClosure;
    introduction = introduction == null ? "" : introduction;
    conclusion = conclusion == null ? "" : conclusion;
  }

  JointInput withSymbol(String next) {
    if (!SYMBOL.matcher(next).matches()) {
      throw RuleViolation.invalid(
          "symbol",
          "must be 2-64 upper-case letters, digits, '/', '.' or '-', e.g. UNGIS/2023/GDC/1");
    }
    return new JointInput(next, language, withdrawalAfterClosure, introduction, conclusion);
  }

  JointInput withSettings(String nextLanguage, WithdrawalRule rule) {
    String code = nextLanguage.strip().toUpperCase(Locale.ROOT);
    if (!LANGUAGES.contains(code)) {
      throw RuleViolation.invalid("language", "must be one of AR, ZH, EN, FR, RU, ES");
    }
    return new JointInput(symbol, code, rule, introduction, conclusion);
  }

  JointInput withFraming(String nextIntroduction, String nextConclusion) {
    if (nextIntroduction != null && nextIntroduction.length() > MAX_FRAMING) {
      throw RuleViolation.invalid("introduction", "must be at most " + MAX_FRAMING + " characters");
    }
    if (nextConclusion != null && nextConclusion.length() > MAX_FRAMING) {
      throw RuleViolation.invalid("conclusion", "must be at most " + MAX_FRAMING + " characters");
    }
    return new JointInput(
        symbol,
        language,
        withdrawalAfterClosure,
        nextIntroduction == null ? introduction : nextIntroduction,
        nextConclusion == null ? conclusion : nextConclusion);
  }

  static WithdrawalRule rule(String value) {
    try {
      return WithdrawalRule.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw RuleViolation.invalid("withdrawalAfterClosure", "must be REFUSED or CORRIGENDUM");
    }
  }
}
