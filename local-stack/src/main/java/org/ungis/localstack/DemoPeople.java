package org.ungis.localstack;

import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.List;
import org.ungis.reference.Roster;

/**
 * Prints who can sign in to the portal of the local stack: the demo people of the authorization
 * server's development directory, with their passwords and, for a reviewer, whether their agency
 * chairs or vice-chairs at the stack's clock.
 *
 * <p>It runs on the authorization server's own classes (the people and their development passwords
 * are its {@code org.ungis.auth.DevelopmentPeople}), which {@code bin/local-stack --demo} puts on
 * the class path with this module's plain jar: {@code java -cp <auth-server extracted
 * jar>:<local-stack jar> org.ungis.localstack.DemoPeople PORTAL_URL [CLOCK_START]}. The class is
 * found by name, so an authorization server without people is reported, not a failure.
 */
public final class DemoPeople {

  static final String DEVELOPMENT_PEOPLE = "org.ungis.auth.DevelopmentPeople";

  private DemoPeople() {}

  /** One person as printed. */
  record Row(String name, String email, String password, String agency, String role) {}

  public static void main(String[] args) throws ReflectiveOperationException {
    String portal = args.length > 0 ? args[0] : "http://localhost:8080";
    Instant at = args.length > 1 && !args[1].isBlank() ? Instant.parse(args[1]) : Instant.now();
    System.out.println("  The portal: " + portal);
    List<Row> rows;
    try {
      rows = rows(Roster.load(), at);
    } catch (ClassNotFoundException noPeople) {
      System.out.println("  (this authorization server has no development people to sign in with)");
      return;
    }
    System.out.println("  Sign in as (development passwords):");
    System.out.printf(
        "  %-18s %-28s %-16s %-9s %s%n", "name", "e-mail", "password", "agency", "role");
    for (Row row : rows) {
      System.out.printf(
          "  %-18s %-28s %-16s %-9s %s%n",
          row.name(), row.email(), row.password(), row.agency(), row.role());
    }
  }

  static List<Row> rows(Roster roster, Instant at) throws ReflectiveOperationException {
    Class<?> people = Class.forName(DEVELOPMENT_PEOPLE);
    List<?> logins = (List<?>) people.getMethod("logins").invoke(null);
    return logins.stream().map(login -> row(login, roster, at)).toList();
  }

  private static Row row(Object login, Roster roster, Instant at) {
    Object person = call(login, "person");
    String agency = String.valueOf(call(person, "agency"));
    String role = String.valueOf(call(person, "role"));
    String words =
        "REVIEWER".equals(role)
            ? roster
                .roleAt(agency, at)
                .map(r -> r == org.ungis.reference.ReviewerRole.CHAIR ? "chair" : "vice-chair")
                .orElse("reviewer, off the rota now")
            : "focal point";
    return new Row(
        String.valueOf(call(person, "name")),
        String.valueOf(call(person, "email")),
        String.valueOf(call(login, "password")),
        agency,
        words);
  }

  private static Object call(Object target, String accessor) {
    try {
      return target.getClass().getMethod(accessor).invoke(target);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalStateException("unexpected " + target.getClass() + ": " + e, e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
