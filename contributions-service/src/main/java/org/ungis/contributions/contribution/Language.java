package org.ungis.contributions.contribution;

/** The six official languages of the United Nations (ISO 639-1 codes, upper case). */
public enum Language {
  AR,
  ZH,
  EN,
  FR,
  RU,
  ES
}
