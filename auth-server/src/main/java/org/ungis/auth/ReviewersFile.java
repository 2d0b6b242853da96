package org.ungis.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The reviewer clients, read from YAML ({@code reviewers.yml}). */
final class ReviewersFile {

  private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

  private ReviewersFile() {}

  /**
   * A reviewer: a person at a chair or vice-chair agency.
   *
   * @param id the client id, e.g. {@code reviewer-unctad-1}
   * @param agency the member code of the reviewer's agency
   * @param name the display name
   * @param email the principal named in tokens and events; the name when absent
   * @param secret the development secret; {@code <id>-secret} when absent
   */
  record Reviewer(String id, String agency, String name, String email, String secret) {
    Reviewer {
      Objects.requireNonNull(id, "reviewer id");
      Objects.requireNonNull(agency, "agency of reviewer " + id);
      Objects.requireNonNull(name, "name of reviewer " + id);
      if (!CLIENT_ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "reviewer id must be lower-case letters, digits and dashes: " + id);
      }
    }
  }

  record Content(List<Reviewer> reviewers) {
    Content {
      reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
    }
  }

  static List<Reviewer> load(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      YAMLMapper mapper =
          YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
      return mapper.readValue(in, Content.class).reviewers();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reviewers from " + resource, e);
    }
  }
}
