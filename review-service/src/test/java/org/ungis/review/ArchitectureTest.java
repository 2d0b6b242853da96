package org.ungis.review;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.ungis.streams.KeyedLocks;

/**
 * The features (calls for inputs, review, queue) and what they share (rules, command plumbing) know
 * nothing of Kafka, Avro, events or the web; their command handlers see only the domain and the
 * ports the messaging adapter implements.
 */
class ArchitectureTest {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.ungis.review");

  /** The feature packages without their adapters, and what they share. */
  static final String[] DOMAIN = {
    "org.ungis.review.call",
    "org.ungis.review.review",
    "org.ungis.review.queue",
    "org.ungis.review.rules",
    "org.ungis.review.command"
  };

  @Test
  void theDomainImportsNoKafkaAvroEventsOrWeb() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
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
  void theDomainDoesNotReachIntoItsAdapters() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..messaging..", "..web..", "..routing..")
        .check(CLASSES);
  }

  @Test
  void theCommandHandlersSeeOnlyTheDomainAndItsPorts() {
    classes()
        .that()
        .haveSimpleNameEndingWith("Commands")
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage(
                    "java..",
                    "org.ungis.reference..",
                    "org.ungis.review",
                    "org.ungis.review.call",
                    "org.ungis.review.review",
                    "org.ungis.review.rules",
                    "org.ungis.review.command")
                .or(equivalentTo(KeyedLocks.class)))
        .because(
            "a command loads, decides on the aggregate and publishes through a port (one at a time"
                + " per key, through the platform's KeyedLocks)")
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
