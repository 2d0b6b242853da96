package org.ungis.review;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain (calls, review rounds, rules) knows nothing of Kafka, Avro, events or the web. */
class ArchitectureTest {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.ungis.review");

  @Test
  void theDomainImportsNoKafkaAvroEventsOrWeb() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.ungis.review.process..", "org.ungis.review.review..", "org.ungis.review.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "org.apache.avro..",
            "org.ungis.events..",
            "org.ungis.schemas..",
            "org.springframework..")
        .check(CLASSES);
  }

  @Test
  void onlyTheMessagingAdapterKnowsTheEvents() {
    noClasses()
        .that()
        .resideOutsideOfPackages("org.ungis.review.messaging..", "org.ungis.review.routing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.ungis.events..", "org.apache.avro..", "org.apache.kafka..")
        .check(CLASSES);
  }

  @Test
  void onlyCurrentActorReadsTheToken() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("org.ungis.review.web.CurrentActor")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.ungis.security..", "org.springframework.security..")
        .because("who acts is resolved in one place, from the verified bearer token")
        .check(CLASSES);
  }
}
