package org.ungis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ungis.localstack.OneJvmStack.Group;

class OneJvmStackTest {

  @Test
  void eachComponentGetsTheArgumentsThatFollowItsMarker() {
    List<Group> groups =
        OneJvmStack.groups(
            "@broker",
            "--data-dir",
            "/data/kafka",
            "--port",
            "9092",
            "@inbox",
            "@review-service=/cds/review-service/app/review-service-exec.jar",
            "--server.port=8083",
            "--spring.kafka.streams.state-dir=/data/state/review-service");

    assertThat(groups)
        .containsExactly(
            new Group("broker", null, List.of("--data-dir", "/data/kafka", "--port", "9092")),
            new Group("inbox", null, List.of()),
            new Group(
                "review-service",
                Path.of("/cds/review-service/app/review-service-exec.jar"),
                List.of(
                    "--server.port=8083",
                    "--spring.kafka.streams.state-dir=/data/state/review-service")));
  }

  @Test
  void anArgumentBeforeAnyComponentIsRefused() {
    assertThatThrownBy(() -> OneJvmStack.groups("--port", "9092"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--port");
  }

  @Test
  void anApplicationsArgumentsBecomeItsSettingsAndAValueMayHoldAnEqualsSign() {
    assertThat(
            OneJvmStack.settings(
                List.of(
                    "--server.port=8082", "--ungis.clock.start=2023-01-09T09:00:00Z", "--a=b=c")))
        .isEqualTo(
            Map.of("server.port", "8082", "ungis.clock.start", "2023-01-09T09:00:00Z", "a", "b=c"));
    assertThatThrownBy(() -> OneJvmStack.settings(List.of("--debug")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
