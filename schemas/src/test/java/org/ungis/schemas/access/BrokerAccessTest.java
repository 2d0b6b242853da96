package org.ungis.schemas.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;

class BrokerAccessTest {

  /** The operators' script (docker-compose.yml's init step runs it), generated from the rules. */
  static final Path ACL_SCRIPT = Path.of("..", "deploy", "kafka", "acls.sh");

  @Test
  void everyCatalogueTopicIsWrittenByItsOwnerAlone() {
    for (Topic<?> topic : Topics.ALL) {
      assertThat(principalsAllowed(AclOperation.WRITE, topic.name()))
          .as("who may write %s", topic.name())
          .containsExactly("User:" + topic.owner());
    }
  }

  @Test
  void theReviewsTopicIsWrittenByReviewServiceAndReadByItsConsumers() {
    assertThat(principalsAllowed(AclOperation.WRITE, Topics.REVIEWS.name()))
        .containsExactly("User:review-service");
    assertThat(principalsAllowed(AclOperation.READ, Topics.REVIEWS.name()))
        .containsExactlyInAnyOrder(
            "User:review-service",
            "User:contributions-service",
            "User:publication-service",
            "User:notification-service",
            "User:portal");
  }

  @Test
  void theRecordsReaderReadsTheRecordsTopicAndNothingElse() {
    assertThat(bindingsOf(BrokerAccess.RECORDS_READER))
        .extracting(
            b ->
                b.pattern().resourceType() + " " + b.pattern().name() + " " + b.entry().operation())
        .containsExactlyInAnyOrder("TOPIC ungis.records.v1 READ", "GROUP records-reader READ");
  }

  @Test
  void anAgencyIsGrantedNothing() {
    assertThat(BrokerAccess.principalNames()).contains(BrokerAccess.AGENCY);
    assertThat(bindingsOf(BrokerAccess.AGENCY)).isEmpty();
  }

  @Test
  void aStreamsServiceOwnsWhatIsNamedAfterItsApplicationId() {
    assertThat(bindingsOf("publication-service"))
        .filteredOn(b -> b.pattern().name().equals("publication-service"))
        .extracting(
            b ->
                b.pattern().resourceType()
                    + " "
                    + b.pattern().patternType()
                    + " "
                    + b.entry().operation())
        .containsExactlyInAnyOrder(
            "TOPIC PREFIXED ALL",
            "GROUP PREFIXED READ",
            "TRANSACTIONAL_ID PREFIXED WRITE",
            "TRANSACTIONAL_ID PREFIXED DESCRIBE");
  }

  @Test
  void aReaderMayWriteTheDeadLetterTopicOfWhatItReadsButNotTheTopic() {
    assertThat(principalsAllowed(AclOperation.WRITE, Topics.CONTRIBUTIONS.deadLetterTopic()))
        .contains("User:review-service", "User:publication-service")
        .doesNotContain("User:portal", "User:records-reader", "User:agency");
  }

  @Test
  void kafkaAclsCommandsSpellTheToolsOptions() {
    assertThat(AccessRules.kafkaAcls("kafka-acls", "--bootstrap-server b"))
        .contains(
            "kafka-acls --bootstrap-server b --add --allow-principal User:review-service"
                + " --operation Write --operation Describe --operation Read --operation Create"
                + " --topic ungis.processes.v1 --topic ungis.reviews.v1",
            "kafka-acls --bootstrap-server b --add --allow-principal User:review-service"
                + " --operation Read --group review-service --resource-pattern-type prefixed");
    assertThat(AccessRules.operationName(AclOperation.DESCRIBE_CONFIGS))
        .isEqualTo("DescribeConfigs");
  }

  @Test
  void theOperatorsScriptIsTheGeneratedOne() throws IOException {
    assertThat(Files.readString(ACL_SCRIPT, StandardCharsets.UTF_8))
        .as("%s is stale: regenerate it (see its header)", ACL_SCRIPT)
        .isEqualTo(AccessRules.script());
  }

  private static Set<String> principalsAllowed(AclOperation operation, String topic) {
    return BrokerAccess.bindings().stream()
        .filter(b -> b.pattern().resourceType() == ResourceType.TOPIC)
        .filter(
            b ->
                b.pattern().patternType() == PatternType.PREFIXED
                    ? topic.startsWith(b.pattern().name())
                    : b.pattern().name().equals(topic))
        .filter(
            b -> b.entry().operation() == operation || b.entry().operation() == AclOperation.ALL)
        .map(b -> b.entry().principal())
        .collect(Collectors.toSet());
  }

  private static List<AclBinding> bindingsOf(String principal) {
    return BrokerAccess.bindings().stream()
        .filter(b -> b.entry().principal().equals("User:" + principal))
        .toList();
  }
}
