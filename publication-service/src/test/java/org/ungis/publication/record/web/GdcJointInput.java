package org.ungis.publication.record.web;

import java.time.Instant;
import java.util.List;
import org.ungis.publication.record.Approval;
import org.ungis.publication.record.CallInfo;
import org.ungis.publication.record.Content;
import org.ungis.publication.record.Correction;
import org.ungis.publication.record.Edition;
import org.ungis.publication.record.Entry;
import org.ungis.publication.record.PublishedRecord;
import org.ungis.reference.Goals;
import org.ungis.reference.Roster;

/**
 * The demo's GDC joint input as the tests read it: a symbol, the chair's framing, inputs in
 * English, French, Arabic, Chinese and Russian, approvals by persons of the rota's agencies.
 */
final class GdcJointInput {

  static final Instant T0 = Instant.parse("2023-03-01T09:00:00Z");
  static final Instant DEADLINE = Instant.parse("2023-04-30T23:59:59Z");
  static final Roster ROSTER = Roster.load();
  static final Goals GOALS = Goals.load();

  static final String ARABIC_TITLE = "الحكومة الرقمية وجدول الأعمال الرقمي العربي";
  static final String CHINESE_TITLE = "数字公共基础设施促进包容性数字化转型";
  static final String RUSSIAN_TITLE = "Данные для развития и инклюзивная цифровая экономика";

  private GdcJointInput() {}

  static CallInfo call() {
    return new CallInfo(
        "UNGIS joint input to the Global Digital Compact",
        "The co-facilitators invite the UN system to contribute.",
        DEADLINE,
        "UNGIS/2023/GDC/1",
        "EN",
        "The United Nations Group on the Information Society submits this joint input.\n\n"
            + "It gathers the inputs of its members.",
        "UNGIS stands ready to support the implementation of the Compact.");
  }

  static Entry entry(
      String id, String agency, String language, String title, String body, Approval... by) {
    Content content =
        new Content(
            title,
            "Summary of " + id,
            body,
            language,
            List.of("C2", "C7"),
            List.of(9, 17),
            List.of("https://www.itu.int/wsis/"));
    return new Entry(
        "gdc-2023",
        id,
        agency,
        ROSTER.member(agency).orElseThrow().name(),
        1,
        T0,
        T0.plusSeconds(3_600),
        content,
        List.of(by));
  }

  static final Approval BY_UNDP =
      new Approval("UNDP", "maria.lopez@undp.org", T0.plusSeconds(3_600));
  static final Approval BY_ITU = new Approval("ITU", "chair@itu.int", T0.plusSeconds(3_000));

  static List<Entry> entries() {
    return List.of(
        entry(
            "c-itu",
            "ITU",
            "EN",
            "Universal and meaningful connectivity by 2030",
            "Connectivity is the foundation.\n\nITU recommends targets.",
            BY_UNDP),
        entry(
            "c-unctad",
            "UNCTAD",
            "RU",
            RUSSIAN_TITLE,
            "Цифровая экономика должна быть инклюзивной.",
            BY_ITU,
            BY_UNDP),
        entry("c-undp", "UNDP", "ZH", CHINESE_TITLE, "数字公共基础设施可以加速可持续发展目标的进展。", BY_ITU),
        entry(
            "c-unesco",
            "UNESCO",
            "FR",
            "Une approche fondée sur les droits humains",
            "L’Internet doit être universel.",
            BY_ITU),
        entry(
            "c-unescwa",
            "UNESCWA",
            "AR",
            ARABIC_TITLE,
            "تدعم الإسكوا الدول العربية في التحول الرقمي.",
            BY_ITU));
  }

  static PublishedRecord record(boolean finalEdition) {
    List<Entry> entries = entries();
    return new PublishedRecord(
        new Edition(
            "gdc-2023",
            4,
            finalEdition,
            call(),
            T0.plusSeconds(7_200),
            entries.stream().map(Entry::ref).toList()),
        entries);
  }

  /** The first corrigendum: ITU's input withdrawn after the final edition. */
  static PublishedRecord corrigendum() {
    List<Entry> entries = entries().subList(1, 5);
    return new PublishedRecord(
        new Edition(
            "gdc-2023",
            5,
            true,
            call(),
            T0.plusSeconds(86_400),
            entries.stream().map(Entry::ref).toList(),
            1,
            List.of(
                new Correction(
                    Correction.Kind.WITHDRAWN,
                    "ITU",
                    "c-itu",
                    "Universal and meaningful connectivity by 2030",
                    T0.plusSeconds(86_400)))),
        entries);
  }

  static JointInput document(PublishedRecord record, String language) {
    return JointInput.of(record, ROSTER, GOALS, language);
  }
}
