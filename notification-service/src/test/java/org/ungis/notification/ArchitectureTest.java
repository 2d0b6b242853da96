package org.ungis.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.ungis.notification");

  @Test
  void theDomainKnowsNoKafkaAvroSpringMailOrEvents() {
    noClasses()
        .that()
        .resideInAPackage("org.ungis.notification.notice")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "org.apache.avro..",
            "org.springframework..",
            "jakarta.mail..",
            "org.ungis.events..",
            "org.ungis.schemas..",
            "org.ungis.registry..",
            "tools.jackson..",
            "jakarta.servlet..")
        .check(CLASSES);
  }

  @Test
  void theDomainDoesNotReachIntoItsAdapters() {
    noClasses()
        .that()
        .resideInAPackage("org.ungis.notification.notice")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.ungis.notification.notice.messaging..", "org.ungis.notification.mail..")
        .check(CLASSES);
  }
}
