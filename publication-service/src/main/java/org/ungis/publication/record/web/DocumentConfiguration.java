package org.ungis.publication.record.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ungis.publication.PublicationSettings;
import org.ungis.reference.Goals;

/** What the document formats need: the names of the goals, the PDF's fonts. */
@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

  @Bean
  Goals goals() {
    return Goals.load();
  }

  @Bean
  PdfRenderer pdfRenderer(PublicationSettings settings) {
    return new PdfRenderer(new DocumentFonts(settings.publication().fonts()));
  }
}
