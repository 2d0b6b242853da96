package org.ungis.auth;

import java.util.List;
import java.util.Map;
import org.ungis.reference.People;
import org.ungis.reference.Person;

/**
 * The people of the bundled directory with their development passwords in clear text, for the local
 * stack to print ("who / password"). The server itself knows only their hashes ({@code
 * dev-people.yml}); these are the same passwords, for development only.
 */
public final class DevelopmentPeople {

  private static final Map<String, String> PASSWORDS =
      Map.ofEntries(
          Map.entry("lea.moreau@itu.int", "blue-lantern"),
          Map.entry("ngozi.adeyemi@unesco.org", "amber-compass"),
          Map.entry("sarah.mitchell@undp.org", "silver-harbour"),
          Map.entry("elena.petrova@unctad.org", "quiet-birch"),
          Map.entry("fatou.diallo@uneca.org", "baobab-sunrise"),
          Map.entry("layla.haddad@un.org", "cedar-olive"),
          Map.entry("wei.zhang@itu.int", "jade-bridge"),
          Map.entry("maria.gonzalez@undp.org", "coral-mesa"),
          Map.entry("olivier.dubois@unesco.org", "violet-atlas"),
          Map.entry("tomas.herrera@unctad.org", "copper-sierra"),
          Map.entry("priya.raman@un.org", "lotus-monsoon"),
          Map.entry("karim.mansour@un.org", "desert-falcon"));

  private DevelopmentPeople() {}

  /**
   * A person who can sign in on the local stack.
   *
   * @param person who, from the directory
   * @param password their development password
   */
  public record Login(Person person, String password) {}

  /** Everyone of the bundled directory with a development password, in the directory's order. */
  public static List<Login> logins() {
    return People.load().all().stream()
        .filter(person -> PASSWORDS.containsKey(person.id()))
        .map(person -> new Login(person, PASSWORDS.get(person.id())))
        .toList();
  }

  /** The development password of a person of the bundled directory. */
  public static String password(String personId) {
    String password = PASSWORDS.get(personId);
    if (password == null) {
      throw new IllegalArgumentException("no development password for " + personId);
    }
    return password;
  }
}
