package org.ungis.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.ungis.reference.People;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The password hashes of people ({@code ungis.auth.people-passwords}, in development {@code
 * dev-people.yml}): person id to a hash in Spring Security's {@code {id}hash} form. Every id must
 * name a person of the directory and every hash must name its algorithm, else the server does not
 * start.
 */
final class PasswordsFile {

  private PasswordsFile() {}

  record Content(Map<String, String> passwords) {
    Content {
      passwords = passwords == null ? Map.of() : passwords;
    }
  }

  /** Person id (lower case) to password hash. */
  static Map<String, String> load(Resource resource, People people) {
    Content content;
    try (InputStream in = resource.getInputStream()) {
      content =
          YAMLMapper.builder()
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .build()
              .readValue(in, Content.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read people's passwords from " + resource, e);
    }
    Map<String, String> hashes = new LinkedHashMap<>();
    content
        .passwords()
        .forEach(
            (id, hash) -> {
              if (people.byId(id).isEmpty()) {
                throw new IllegalArgumentException(
                    resource + " has a password for " + id + ", who is not in the directory");
              }
              if (hash == null || !hash.startsWith("{") || hash.indexOf('}') < 2) {
                throw new IllegalArgumentException(
                    resource
                        + ": the password of "
                        + id
                        + " must be a hash naming its algorithm, e.g. {bcrypt}$2a$10$...");
              }
              hashes.put(id.toLowerCase(Locale.ROOT), hash);
            });
    return Map.copyOf(hashes);
  }
}
