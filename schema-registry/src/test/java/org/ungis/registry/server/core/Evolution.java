package org.ungis.registry.server.core;

/** One record's realistic evolution, for the unit tests. */
final class Evolution {

  private Evolution() {}

  static String record(String fields) {
    return "{\"type\":\"record\",\"name\":\"Contribution\",\"namespace\":\"org.ungis.test\","
        + "\"fields\":["
        + fields
        + "]}";
  }

  static final String ID = "{\"name\":\"id\",\"type\":\"string\"}";
  static final String TITLE = "{\"name\":\"title\",\"type\":\"string\"}";
  static final String PAGES = "{\"name\":\"pages\",\"type\":\"int\"}";

  static final String V1 = record(ID + "," + TITLE + "," + PAGES);
  static final String ADD_OPTIONAL =
      record(
          ID
              + ","
              + TITLE
              + ","
              + PAGES
              + ",{\"name\":\"summary\",\"type\":[\"null\",\"string\"],\"default\":null}");
  static final String ADD_REQUIRED =
      record(ID + "," + TITLE + "," + PAGES + ",{\"name\":\"language\",\"type\":\"string\"}");
  static final String REMOVE_PAGES = record(ID + "," + TITLE);
  static final String RENAME_WITH_ALIAS =
      record(ID + ",{\"name\":\"heading\",\"type\":\"string\",\"aliases\":[\"title\"]}," + PAGES);
  static final String PAGES_AS_STRING =
      record(ID + "," + TITLE + ",{\"name\":\"pages\",\"type\":\"string\"}");
  static final String PAGES_AS_LONG =
      record(ID + "," + TITLE + ",{\"name\":\"pages\",\"type\":\"long\"}");
  static final String LANGUAGE_WITH_DEFAULT =
      record(
          ID
              + ","
              + TITLE
              + ","
              + PAGES
              + ",{\"name\":\"language\",\"type\":\"string\",\"default\":\"en\"}");
  static final String PAGES_WITH_DEFAULT =
      record(ID + "," + TITLE + ",{\"name\":\"pages\",\"type\":\"int\",\"default\":0}");
}
