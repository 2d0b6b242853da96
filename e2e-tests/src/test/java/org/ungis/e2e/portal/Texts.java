package org.ungis.e2e.portal;

import java.util.stream.Stream;

/**
 * One language of the journey: what the people type (their own text, in their language) and the
 * words the portal must show them, so the test asserts what a person reads.
 *
 * @param tag the pages' {@code <html lang>}
 * @param dir the pages' {@code <html dir>}
 * @param code the input's own language in the form ({@code EN}, {@code AR})
 * @param typed what the people write
 * @param shown what the portal says
 */
record Texts(String tag, String dir, String code, Typed typed, Shown shown) {

  /** What the people write. */
  record Typed(
      String callTitle,
      String callDescription,
      String inputTitle,
      String summary,
      String body,
      String addition,
      String comment,
      String note,
      String introduction,
      String conclusion) {}

  /** What the portal says (its message bundles). */
  record Shown(
      String open,
      String closed,
      String notStarted,
      String titleQuestion,
      String submitToTheChair,
      String submitRevision,
      String submitted,
      String changesRequested,
      String approved,
      String oneOfOneApprovals,
      String finalEdition) {}

  static final Texts ENGLISH =
      new Texts(
          "en",
          "ltr",
          "EN",
          new Typed(
              "Digital cooperation after WSIS+20",
              "What should the joint input say about digital cooperation?",
              "Digital public infrastructure in Africa",
              "How UNECA supports digital public infrastructure.",
              "Africa's digital transformation strategy 2020-2030 sets the priorities.",
              " In 2024, 38 per cent of Africa's population used the Internet.",
              "Please add figures on connectivity in Africa.",
              "Added the connectivity figures the chair asked for.",
              "The UNGIS members submit this joint input to the WSIS+20 review.",
              "UNGIS stands ready to support the follow-up."),
          new Shown(
              "Open",
              "Closed",
              "Not started",
              "Title",
              "Submit to the chair",
              "Send the revision to the chair",
              "Submitted",
              "Changes requested",
              "Approved",
              "1 of 1 approval",
              "Final"));

  static final Texts ARABIC =
      new Texts(
          "ar",
          "rtl",
          "AR",
          new Typed(
              "التعاون الرقمي بعد القمة العالمية لمجتمع المعلومات +20",
              "ماذا ينبغي أن تقول المساهمة المشتركة عن التعاون الرقمي؟",
              "البنية التحتية الرقمية العامة في أفريقيا",
              "كيف تدعم اللجنة الاقتصادية لأفريقيا البنية التحتية الرقمية العامة.",
              "تحدد استراتيجية التحول الرقمي لأفريقيا 2020-2030 الأولويات.",
              " في عام 2024، استخدم 38 في المائة من سكان أفريقيا الإنترنت.",
              "يرجى إضافة أرقام عن الاتصال في أفريقيا.",
              "أضفنا أرقام الاتصال التي طلبها الرئيس.",
              "يقدم أعضاء الفريق هذه المساهمة المشتركة إلى استعراض القمة +20.",
              "الفريق مستعد لدعم المتابعة."),
          new Shown(
              "مفتوحة",
              "مغلقة",
              "لم تبدأ",
              "العنوان",
              "أرسل إلى الرئيس",
              "أرسل النسخة المنقحة إلى الرئيس",
              "مقدَّمة",
              "طُلبت تعديلات",
              "موافق عليها",
              "1 من موافقة واحدة",
              "نهائي"));

  /** The languages the journey runs in. */
  static Stream<Texts> languages() {
    return Stream.of(ENGLISH, ARABIC);
  }

  @Override
  public String toString() {
    return tag;
  }
}
