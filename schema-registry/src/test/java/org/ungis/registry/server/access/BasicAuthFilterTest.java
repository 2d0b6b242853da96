package org.ungis.registry.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BasicAuthFilterTest {

  @Test
  void eachRequestNeedsTheRoleOfWhatItChanges() {
    assertThat(BasicAuthFilter.required("GET", "/subjects", true)).isEmpty();
    assertThat(BasicAuthFilter.required("GET", "/subjects", false)).contains(Role.READER);
    assertThat(BasicAuthFilter.required("POST", "/subjects/a-value", true)).isEmpty();
    assertThat(BasicAuthFilter.required("POST", "/compatibility/subjects/a/versions/1", true))
        .isEmpty();
    assertThat(BasicAuthFilter.required("POST", "/subjects/a-value/versions", true))
        .contains(Role.WRITER);
    assertThat(BasicAuthFilter.required("PUT", "/config/a-value", true)).contains(Role.WRITER);
    assertThat(BasicAuthFilter.required("DELETE", "/config/a-value", true)).contains(Role.WRITER);
    assertThat(BasicAuthFilter.required("PUT", "/config", true)).contains(Role.ADMIN);
    assertThat(BasicAuthFilter.required("DELETE", "/config", true)).contains(Role.ADMIN);
    assertThat(BasicAuthFilter.required("PUT", "/mode/a-value", true)).contains(Role.ADMIN);
    assertThat(BasicAuthFilter.required("DELETE", "/subjects/a-value", true)).contains(Role.ADMIN);
    assertThat(BasicAuthFilter.required("DELETE", "/subjects/a-value/versions/1", true))
        .contains(Role.ADMIN);
    assertThat(BasicAuthFilter.required("PATCH", "/", true)).contains(Role.ADMIN);
    assertThat(BasicAuthFilter.required("GET", "/actuator/health/readiness", false)).isEmpty();
  }

  @Test
  void aRoleAllowsWhatTheRolesBeforeItAllow() {
    assertThat(Role.ADMIN.allows(Role.WRITER)).isTrue();
    assertThat(Role.WRITER.allows(Role.READER)).isTrue();
    assertThat(Role.WRITER.allows(Role.ADMIN)).isFalse();
    assertThat(Role.READER.allows(Role.WRITER)).isFalse();
  }
}
