package org.ungis.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.ungis.reference.Roster;

class ClientDirectoryTest {

  final Roster roster = Roster.load();

  @Test
  void everyMemberAgencyHasAnIntakeClient() {
    ClientDirectory clients = ClientDirectory.of(roster, List.of());

    assertThat(clients.all()).hasSize(2 * roster.members().size() + 1);
    PlatformClient itu = clients.byClientId("itu-intake").orElseThrow();
    assertThat(itu.secret()).isEqualTo("itu-secret");
    assertThat(itu.agency()).isEqualTo("ITU");
    assertThat(itu.principal()).isEqualTo("intake@itu.int");
    assertThat(itu.roles()).containsExactly("AGENCY");
    assertThat(itu.scopes())
        .containsExactlyInAnyOrder("contributions.write", "contributions.read", "processes.read");
    assertThat(clients.byClientId("unescwa-intake")).isPresent();
  }

  @Test
  void theOperatorsMonitoringClientReadsOperationsEndpointsOnly() {
    PlatformClient operations =
        ClientDirectory.of(roster, List.of()).byClientId("operations").orElseThrow();

    assertThat(operations.secret()).isEqualTo("operations-secret");
    assertThat(operations.roles()).isEmpty();
    assertThat(operations.scopes()).containsExactly("operations.read");
  }

  @Test
  void everyMemberAgencyHasAWebhooksClientForItsIntegrations() {
    PlatformClient itu =
        ClientDirectory.of(roster, List.of()).byClientId("itu-webhooks").orElseThrow();

    assertThat(itu.secret()).isEqualTo("itu-webhooks-secret");
    assertThat(itu.agency()).isEqualTo("ITU");
    assertThat(itu.principal()).isEqualTo("webhooks@itu.int");
    assertThat(itu.roles()).containsExactly("INTEGRATOR");
    assertThat(itu.scopes()).containsExactly("webhooks.manage");
  }

  @Test
  void theBundledReviewersWorkAtRotaAgencies() {
    var reviewers = ReviewersFile.load(new ClassPathResource("reviewers.yml"));

    ClientDirectory clients = ClientDirectory.of(roster, reviewers);

    PlatformClient reviewer = clients.byClientId("reviewer-unctad-1").orElseThrow();
    assertThat(reviewer.agency()).isEqualTo("UNCTAD");
    assertThat(reviewer.secret()).isEqualTo("reviewer-unctad-1-secret");
    assertThat(reviewer.principal()).isEqualTo("reviewer-1@unctad.int");
    assertThat(reviewer.roles()).containsExactly("REVIEWER");
    assertThat(reviewer.scopes())
        .containsExactlyInAnyOrder(
            "reviews.write",
            "reviews.read",
            "processes.write",
            "processes.read",
            "contributions.read");
    assertThat(reviewers)
        .extracting(ReviewersFile.Reviewer::agency)
        .contains("UNCTAD", "ITU", "UNDP", "UNESCO", "UNESCWA", "UNESCAP");
  }

  @Test
  void aReviewerAtAnAgencyOffTheRotaIsRefused() {
    var fao = new ReviewersFile.Reviewer("reviewer-fao-1", "FAO", "FAO reviewer", null, null);

    assertThatThrownBy(() -> ClientDirectory.of(roster, List.of(fao)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FAO")
        .hasMessageContaining("rota");
  }

  @Test
  void aReviewerAtAnUnknownAgencyIsRefused() {
    var nobody = new ReviewersFile.Reviewer("reviewer-x-1", "XYZ", "Nobody", null, null);

    assertThatThrownBy(() -> ClientDirectory.of(roster, List.of(nobody)))
        .hasMessageContaining("unknown agency XYZ");
  }

  @Test
  void clientIdsAreUnique() {
    var clash = new ReviewersFile.Reviewer("itu-intake", "ITU", "Clash", null, null);

    assertThatThrownBy(() -> ClientDirectory.of(roster, List.of(clash)))
        .hasMessageContaining("duplicate client id itu-intake");
  }

  @Test
  void aReviewerWithoutEmailActsUnderTheirName() {
    var named = new ReviewersFile.Reviewer("reviewer-itu-9", "ITU", "Ada Lovelace", null, "s3");

    PlatformClient client =
        ClientDirectory.of(roster, List.of(named)).byClientId("reviewer-itu-9").orElseThrow();

    assertThat(client.principal()).isEqualTo("Ada Lovelace");
    assertThat(client.secret()).isEqualTo("s3");
  }
}
