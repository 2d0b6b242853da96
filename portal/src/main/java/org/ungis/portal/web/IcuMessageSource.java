package org.ungis.portal.web;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The portal's messages: {@code messages*.properties} (UTF-8) formatted with ICU's MessageFormat,
 * so that {@code {n, plural, zero{...} one{...} two{...} few{...} many{...} other{...}}} follows
 * each language's plural rules (Arabic has six forms) and numbers are written the locale's way. An
 * apostrophe is plain text (ICU's rule), so French needs no doubling.
 */
public final class IcuMessageSource implements MessageSource {

  private final ResourceBundleMessageSource patterns = new ResourceBundleMessageSource();

  public IcuMessageSource(String basename) {
    patterns.setBasename(basename);
    patterns.setDefaultEncoding("UTF-8");
    patterns.setFallbackToSystemLocale(false);
    patterns.setAlwaysUseMessageFormat(false);
  }

  @Override
  public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
    String pattern = patterns.getMessage(code, null, null, locale);
    if (pattern == null) {
      return defaultMessage == null ? null : format(defaultMessage, args, locale);
    }
    return IcuFormatters.message(pattern, args, locale);
  }

  @Override
  public String getMessage(String code, Object[] args, Locale locale) {
    String message = getMessage(code, args, null, locale);
    if (message == null) {
      throw new NoSuchMessageException(code, locale);
    }
    return message;
  }

  @Override
  public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
    String[] codes = resolvable.getCodes();
    if (codes != null) {
      for (String code : codes) {
        String message = getMessage(code, resolvable.getArguments(), null, locale);
        if (message != null) {
          return message;
        }
      }
    }
    if (resolvable.getDefaultMessage() != null) {
      return format(resolvable.getDefaultMessage(), resolvable.getArguments(), locale);
    }
    throw new NoSuchMessageException(codes == null ? "" : codes[codes.length - 1], locale);
  }

  /** A pattern that is not the bundles' (a default message), formatted once. */
  static String format(String pattern, Object[] args, Locale locale) {
    Object[] values = args == null ? new Object[0] : args;
    return new MessageFormat(pattern, ULocale.forLocale(locale)).format(values);
  }
}
