package org.ungis.review.messaging;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of the local views' values, also used when an instance sends them to another. */
public final class ViewJson {

  /** Records by their components only: derived {@code isOpen()}-style methods are not state. */
  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .changeDefaultVisibility(v -> v.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE))
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private ViewJson() {}
}
