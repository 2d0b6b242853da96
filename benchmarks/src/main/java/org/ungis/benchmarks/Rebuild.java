package org.ungis.benchmarks;

/** {@code --rebuild SERVICE}: how long a service takes to rebuild its views from Kafka. */
final class Rebuild {

  private Rebuild() {}

  static int run(Options options) {
    System.err.println(
        "--rebuild is not implemented yet; see benchmarks/README.md for the procedure");
    return 2;
  }
}
