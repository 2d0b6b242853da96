package org.ungis.registry.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The registry's rules (subjects, versions, ids, compatibility) know nothing of HTTP or Kafka. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.ungis.registry.server");

  @Test
  void theCoreKnowsNothingOfKafkaSpringOrJson() {
    noClasses()
        .that()
        .resideInAPackage("..server.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..", "org.springframework..", "tools.jackson..", "jakarta.servlet..")
        .check(CLASSES);
  }

  @Test
  void webAndStoreDoNotKnowEachOther() {
    noClasses()
        .that()
        .resideInAPackage("..server.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..server.store..", "org.apache.kafka..")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage("..server.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..server.web..", "org.springframework.web..")
        .check(CLASSES);
  }
}
