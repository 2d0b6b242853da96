package org.ungis.localstack;

import java.time.Duration;
import java.util.List;

/**
 * The 2023 scenario of the UNGIS annual report: three calls for inputs and the agencies' inputs to
 * them. Dates are offsets from the moment the scenario starts (on the demo timeline that is 9
 * January 2023), so the same scenario also plays on the current rota.
 */
final class DemoScenario {

  private DemoScenario() {}

  /** A call for inputs, its deadline as an offset from the start of the scenario. */
  record Call(String id, String title, String description, Duration deadlineAfterStart) {}

  /**
   * One agency's input. {@code revisedBody}, when set, is the text after the chair's request for
   * changes ({@code changesRequested} is the chair's comment); {@code approve} says whether the
   * reviewers approve it in the demo (the others stay in the review queue).
   */
  record Input(
      String processId,
      String agency,
      String title,
      String summary,
      String body,
      List<String> actionLines,
      List<Integer> sdgs,
      List<String> links,
      String changesRequested,
      String revisedBody,
      String revisionNote,
      boolean approve) {

    String key() {
      return processId + "/" + agency;
    }
  }

  static final String GDC = "gdc-2023";
  static final String HLPF = "hlpf-2023";
  static final String ECOSOC_PF = "ecosoc-pf-2023";

  /** The call whose record the demo publishes as final and prints. */
  static final String PUBLISHED = GDC;

  /** The document symbol of each call's joint input. */
  static final java.util.Map<String, String> SYMBOLS =
      java.util.Map.of(
          GDC, "UNGIS/2023/GDC/1", HLPF, "UNGIS/2023/HLPF/1", ECOSOC_PF, "UNGIS/2023/ECOSOC-PF/1");

  /** The chair's introduction of the GDC joint input. */
  static final String GDC_INTRODUCTION =
      "The United Nations Group on the Information Society (UNGIS) welcomes the invitation of the"
          + " co-facilitators of the Global Digital Compact and submits this joint input on behalf"
          + " of its members.\n\n"
          + "Twenty years after the World Summit on the Information Society, the WSIS action lines"
          + " remain the UN system's framework for a people-centred, inclusive and"
          + " development-oriented information society. The inputs below show how the members of"
          + " UNGIS contribute to the themes of the Compact.";

  /** The chair's conclusion of the GDC joint input. */
  static final String GDC_CONCLUSION =
      "UNGIS stands ready to support Member States in the implementation and follow-up of the"
          + " Global Digital Compact, building on the WSIS architecture and the 2030 Agenda for"
          + " Sustainable Development.";

  static final List<Call> CALLS =
      List.of(
          new Call(
              GDC,
              "UNGIS joint input to the Global Digital Compact",
              "The co-facilitators of the Global Digital Compact invite the UN system to contribute"
                  + " to the consultations on an open, free and secure digital future for all. UNGIS"
                  + " members are asked for their input on the Compact's themes: connectivity,"
                  + " avoiding Internet fragmentation, data protection, human rights online,"
                  + " accountability for discrimination and misleading content, artificial"
                  + " intelligence and the digital commons, drawing on two decades of WSIS action"
                  + " lines.",
              Duration.ofDays(95)),
          new Call(
              HLPF,
              "UNGIS input to the High-level Political Forum 2023",
              "HLPF 2023 reviews SDGs 6, 7, 9, 11 and 17 under the theme of accelerating the"
                  + " recovery from COVID-19 and the full implementation of the 2030 Agenda. UNGIS"
                  + " members are invited to show how ICTs and the WSIS action lines contribute to"
                  + " the goals under review.",
              Duration.ofDays(126)),
          new Call(
              ECOSOC_PF,
              "UNGIS side event at the ECOSOC Partnership Forum 2023",
              "Proposals of speakers, partnerships and key messages for the UNGIS side event on"
                  + " digital partnerships for SDG acceleration at the 2023 ECOSOC Partnership"
                  + " Forum.",
              Duration.ofDays(14)));

  static final List<Input> INPUTS =
      List.of(
          new Input(
              GDC,
              "ITU",
              "Universal and meaningful connectivity by 2030",
              "Some 2.7 billion people remain offline. ITU proposes that the Compact commit to"
                  + " universal and meaningful connectivity, with targets for affordability, skills"
                  + " and safety, and that it build on the Partner2Connect Digital Coalition.",
              "Connectivity is the foundation of every other commitment in the Global Digital"
                  + " Compact. According to ITU's Facts and Figures 2022, 66 per cent of the world's"
                  + " population uses the Internet, but only 36 per cent in the least developed"
                  + " countries, and women remain less connected than men in most regions.\n\n"
                  + "ITU recommends that the Compact (1) adopt the targets for universal and"
                  + " meaningful connectivity developed with the Office of the Secretary-General's"
                  + " Envoy on Technology; (2) recognise the Partner2Connect Digital Coalition,"
                  + " whose pledges exceeded USD 26 billion in 2022, as a vehicle for investment in"
                  + " hard-to-connect communities; and (3) strengthen the measurement of digital"
                  + " development so that progress can be tracked in every country.",
              List.of("C2", "C4", "C5"),
              List.of(9, 4, 5, 17),
              List.of("https://www.itu.int/itu-d/reports/statistics/facts-figures-2022/"),
              null,
              null,
              null,
              true),
          new Input(
              GDC,
              "UNESCO",
              "A human-rights based approach to digital platforms and AI",
              "UNESCO asks that the Compact anchor digital governance in human rights, building on"
                  + " the Internet Universality ROAM-X principles, the Recommendation on the Ethics"
                  + " of Artificial Intelligence and the guidelines for regulating digital"
                  + " platforms.",
              "An open, free and secure digital future requires an Internet that is Rights-based,"
                  + " Open, Accessible to all and nurtured by Multi-stakeholder participation (the"
                  + " ROAM-X principles of Internet Universality). The Recommendation on the Ethics"
                  + " of Artificial Intelligence, adopted by all 193 Member States of UNESCO in"
                  + " November 2021, offers an agreed basis for the Compact's commitments on AI.\n\n"
                  + "UNESCO proposes that the Compact commit to freedom of expression and access to"
                  + " information online, to the safety of journalists, to multilingualism and the"
                  + " cultural diversity of online content, and to media and information literacy"
                  + " for all, and that it draw on the global consultation on guidelines for"
                  + " regulating digital platforms.",
              List.of("C3", "C8", "C9", "C10"),
              List.of(4, 16, 5),
              List.of("https://www.unesco.org/en/artificial-intelligence/recommendation-ethics"),
              null,
              null,
              null,
              true),
          new Input(
              GDC,
              "UNDP",
              "Digital public infrastructure for inclusive digital transformation",
              "UNDP supports more than 125 countries in their digital transformation. It proposes"
                  + " that the Compact promote safe and inclusive digital public infrastructure and"
                  + " digital public goods as accelerators of the SDGs.",
              "Digital public infrastructure (digital identity, payments and data exchange) built"
                  + " on open standards and with safeguards for privacy and inclusion can accelerate"
                  + " progress across the SDGs. Under its Digital Strategy 2022-2025 UNDP supports"
                  + " countries with digital readiness assessments, whole-of-government"
                  + " transformation and the Digital Public Goods Alliance.\n\n"
                  + "UNDP recommends that the Compact commit to a universal safeguards framework for"
                  + " digital public infrastructure, to national digital transformation that leaves"
                  + " no one behind, and to financing that helps developing countries build and run"
                  + " their own systems.",
              List.of("C1", "C7"),
              List.of(16, 1, 10, 17),
              List.of("https://digitalstrategy.undp.org/"),
              null,
              null,
              null,
              true),
          new Input(
              GDC,
              "UNCTAD",
              "Data for development and an inclusive digital economy",
              "UNCTAD calls for a global approach to data governance that lets developing"
                  + " countries capture the value of their data, and for support to e-commerce"
                  + " readiness in the least developed countries.",
              "The Digital Economy Report 2021 shows that cross-border data flows are concentrated"
                  + " in a few economies while most developing countries risk becoming mere"
                  + " providers of raw data. UNCTAD proposes that the Compact launch a"
                  + " multilateral, multi-stakeholder dialogue on data governance for development.\n\n"
                  + "Through the eTrade for all initiative and the eTrade Readiness Assessments,"
                  + " UNCTAD helps least developed countries build the policies, skills and"
                  + " infrastructure they need to take part in the digital economy; the Compact"
                  + " should recognise these tools and the need to finance them.",
              List.of("C6", "C7", "C11"),
              List.of(8, 9, 17),
              List.of("https://unctad.org/page/digital-economy-report-2021"),
              null,
              null,
              null,
              true),
          new Input(
              GDC,
              "UNECA",
              "Africa's digital transformation and the Global Digital Compact",
              "UNECA asks the Compact to support the Digital Transformation Strategy for Africa"
                  + " 2020-2030, digital identity, trade and skills across the continent.",
              "The African Union's Digital Transformation Strategy for Africa 2020-2030 sets the"
                  + " continent's priorities: infrastructure, digital skills, digital identity and"
                  + " an integrated digital single market under the African Continental Free Trade"
                  + " Area. UNECA supports member States with digital identity, trade and economy"
                  + " programmes and with the Africa Digital Economy Index.\n\n"
                  + "UNECA recommends that the Compact align with these continental frameworks and"
                  + " mobilise finance for African digital infrastructure and skills.",
              List.of("C4", "C7"),
              List.of(9, 8, 4),
              List.of(
                  "https://au.int/en/documents/20200518/digital-transformation-strategy-africa-2020-2030"),
              "Please relate the input explicitly to the Compact's themes and give figures on"
                  + " connectivity in Africa, so that the joint input can cite them.",
              "The African Union's Digital Transformation Strategy for Africa 2020-2030 sets the"
                  + " continent's priorities: infrastructure, digital skills, digital identity and"
                  + " an integrated digital single market under the African Continental Free Trade"
                  + " Area. UNECA supports member States with digital identity, trade and economy"
                  + " programmes and with the Africa Digital Economy Index.\n\n"
                  + "Connectivity (the Compact's first theme): in 2022 only 40 per cent of Africa's"
                  + " population used the Internet, against 66 per cent worldwide (ITU, Facts and"
                  + " Figures 2022). Data governance and the digital commons: the African Union"
                  + " Data Policy Framework (2022) gives the continent a common approach to data"
                  + " flows.\n\n"
                  + "UNECA recommends that the Compact align with these continental frameworks and"
                  + " mobilise finance for African digital infrastructure and skills.",
              "Related to the Compact's themes and added connectivity figures, as the chair asked.",
              true),
          new Input(
              GDC,
              "UNESCWA",
              "Digital government and the Arab Digital Agenda",
              "ESCWA shares the experience of the Arab region with digital government and the Arab"
                  + " Digital Agenda 2023-2033, and asks the Compact to support regional digital"
                  + " cooperation.",
              "The Arab Digital Development Report 2022 tracks the region's progress on the WSIS"
                  + " action lines and the SDGs. With the League of Arab States, ESCWA developed"
                  + " the Arab Digital Agenda 2023-2033, a regional framework for digital"
                  + " government, digital economy and Internet governance.\n\n"
                  + "ESCWA recommends that the Compact recognise regional digital agendas as a"
                  + " bridge between global commitments and national action, and support"
                  + " government e-services that are accessible, user-centred and open by default.",
              List.of("C1", "C7", "C11"),
              List.of(16, 17, 9),
              List.of("https://www.unescwa.org/"),
              null,
              null,
              null,
              true),
          new Input(
              HLPF,
              "ITU",
              "ICTs for SDG 9 and SDG 17: measuring connectivity progress",
              "ITU's contribution to the review of SDGs 9 and 17: the state of mobile broadband"
                  + " coverage and Internet use (indicators 9.c.1 and 17.6.1), and what it takes to"
                  + " connect the remaining third of humanity.",
              "Indicator 9.c.1 (mobile network coverage) shows 95 per cent of the world's"
                  + " population within reach of a mobile broadband network, yet only two thirds use"
                  + " the Internet: the usage gap is now larger than the coverage gap. Indicator"
                  + " 17.6.1 (fixed broadband subscriptions) remains below 2 per 100 inhabitants in"
                  + " the least developed countries.\n\n"
                  + "ITU recommends that the HLPF call for affordable devices and services, digital"
                  + " skills and better data to close the usage gap.",
              List.of("C2", "C4"),
              List.of(9, 17),
              List.of("https://www.itu.int/en/ITU-D/Statistics/Pages/SDGs-ITU-ICT-indicators.aspx"),
              null,
              null,
              null,
              true),
          new Input(
              HLPF,
              "UNESCO",
              "Open science and digital skills for the goals under review",
              "UNESCO's input on how the Recommendation on Open Science and digital skills"
                  + " contribute to SDGs 6, 9 and 17.",
              "The UNESCO Recommendation on Open Science (2021) opens scientific knowledge, data"
                  + " and infrastructure to all, including for water management (SDG 6) and"
                  + " innovation (SDG 9). UNESCO asks the HLPF to encourage open science policies and"
                  + " digital skills for scientists and citizens alike.",
              List.of("C3", "C4", "C7"),
              List.of(6, 9, 17),
              List.of("https://www.unesco.org/en/open-science"),
              null,
              null,
              null,
              false),
          new Input(
              ECOSOC_PF,
              "UNDP",
              "Digital public infrastructure partnerships for SDG acceleration",
              "UNDP proposes a panel with two governments and a digital public goods provider on"
                  + " partnerships that deliver digital public infrastructure at scale.",
              "Proposed format: a 60-minute panel. Key message: partnerships between governments,"
                  + " the private sector and the UN system can deliver safe and inclusive digital"
                  + " public infrastructure at scale, and with it faster progress on the SDGs.",
              List.of("C1", "C7", "C11"),
              List.of(17, 16),
              List.of(),
              null,
              null,
              null,
              false),
          new Input(
              ECOSOC_PF,
              "UNCTAD",
              "eTrade for all: partnerships for inclusive e-commerce",
              "UNCTAD proposes a speaker from the eTrade for all initiative on partnerships that"
                  + " help least developed countries sell online.",
              "The eTrade for all initiative brings together more than 30 partners to help"
                  + " developing countries benefit from e-commerce. The side event could present"
                  + " lessons from the eTrade Readiness Assessments carried out in over 30 least"
                  + " developed countries.",
              List.of("C6", "C7"),
              List.of(8, 17),
              List.of("https://etradeforall.org/"),
              null,
              null,
              null,
              false));
}
