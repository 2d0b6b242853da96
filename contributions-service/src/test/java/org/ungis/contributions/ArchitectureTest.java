package org.ungis.contributions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain stays free of Kafka, Avro, the generated events and Spring Web. */
@AnalyzeClasses(
    packages = "org.ungis.contributions",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainImportsNoAdapterTechnology =
      noClasses()
          .that()
          .resideInAPackage("org.ungis.contributions.contribution")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.apache.kafka..",
              "org.apache.avro..",
              "org.ungis.events..",
              "org.springframework.web..",
              "org.springframework..");

  @ArchTest
  static final ArchRule webAndMessagingDoNotDependOnEachOther =
      noClasses()
          .that()
          .resideInAPackage("org.ungis.contributions.contribution.web..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.ungis.contributions.contribution.messaging..");
}
