package org.ungis.publication;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.ungis.publication");

  @Test
  void theDomainKnowsNoKafkaAvroSpringOrEvents() {
    noClasses()
        .that()
        .resideInAPackage("org.ungis.publication.record")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "org.apache.avro..",
            "org.springframework..",
            "org.ungis.events..",
            "org.ungis.schemas..",
            "org.ungis.registry..",
            "tools.jackson..",
            "com.fasterxml.jackson..",
            "jakarta.servlet..")
        .check(CLASSES);
  }

  @Test
  void theDomainDoesNotReachIntoItsAdapters() {
    noClasses()
        .that()
        .resideInAPackage("org.ungis.publication.record")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..record.web..", "..record.messaging..")
        .check(CLASSES);
  }

  @Test
  void theDownstreamClientNeedsNoSpring() {
    noClasses()
        .that()
        .resideInAPackage("org.ungis.publication.client..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.ungis.publication.record..")
        .check(CLASSES);
  }

  @Test
  void theWebLayerDoesNotTouchKafkaOrAvro() {
    noClasses()
        .that()
        .resideInAPackage("org.ungis.publication.record.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "org.apache.avro..", "org.ungis.events..")
        .check(CLASSES);
  }
}
