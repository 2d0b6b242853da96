package org.ungis.registry.server;

/** Avro schemas of a realistic evolution of one record, for the tests. */
final class Schemas {

  private Schemas() {}

  static final String V1 =
      """
      {"type":"record","name":"Contribution","namespace":"org.ungis.test","fields":[
        {"name":"id","type":"string"},
        {"name":"title","type":"string"},
        {"name":"pages","type":"int"}]}""";

  /** V1 plus an optional field with a default: compatible every way. */
  static final String WITH_OPTIONAL =
      """
      {"type":"record","name":"Contribution","namespace":"org.ungis.test","fields":[
        {"name":"id","type":"string"},
        {"name":"title","type":"string"},
        {"name":"pages","type":"int"},
        {"name":"summary","type":["null","string"],"default":null}]}""";

  /** {@link #WITH_OPTIONAL} plus a second optional field: compatible every way. */
  static final String WITH_TWO_OPTIONAL =
      """
      {"type":"record","name":"Contribution","namespace":"org.ungis.test","fields":[
        {"name":"id","type":"string"},
        {"name":"title","type":"string"},
        {"name":"pages","type":"int"},
        {"name":"summary","type":["null","string"],"default":null},
        {"name":"note","type":["null","string"],"default":null}]}""";

  /** V1 plus a required field without default: old data cannot be read (not BACKWARD). */
  static final String WITH_REQUIRED =
      """
      {"type":"record","name":"Contribution","namespace":"org.ungis.test","fields":[
        {"name":"id","type":"string"},
        {"name":"title","type":"string"},
        {"name":"pages","type":"int"},
        {"name":"language","type":"string"}]}""";

  /** V1 without {@code pages}: new data cannot be read by old readers (not FORWARD). */
  static final String WITHOUT_PAGES =
      """
      {"type":"record","name":"Contribution","namespace":"org.ungis.test","fields":[
        {"name":"id","type":"string"},
        {"name":"title","type":"string"}]}""";

  /** V1 with {@code title} renamed to {@code heading}, aliased to the old name. */
  static final String RENAMED_WITH_ALIAS =
      """
      {"type":"record","name":"Contribution","namespace":"org.ungis.test","fields":[
        {"name":"id","type":"string"},
        {"name":"heading","type":"string","aliases":["title"]},
        {"name":"pages","type":"int"}]}""";

  /** V1 with {@code pages} changed from int to string. */
  static final String PAGES_AS_STRING =
      """
      {"type":"record","name":"Contribution","namespace":"org.ungis.test","fields":[
        {"name":"id","type":"string"},
        {"name":"title","type":"string"},
        {"name":"pages","type":"string"}]}""";

  /** V1 with {@code pages} widened from int to long (Avro promotion). */
  static final String PAGES_AS_LONG =
      """
      {"type":"record","name":"Contribution","namespace":"org.ungis.test","fields":[
        {"name":"id","type":"string"},
        {"name":"title","type":"string"},
        {"name":"pages","type":"long"}]}""";

  static String record(String name) {
    return "{\"type\":\"record\",\"name\":\""
        + name
        + "\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}";
  }
}
