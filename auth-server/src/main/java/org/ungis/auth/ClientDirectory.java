package org.ungis.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ungis.reference.Member;
import org.ungis.reference.Roster;

/**
 * Every client of the platform, generated from data: one intake client per member agency of the
 * roster ({@code itu-intake}), one webhooks client per member agency for its integrations ({@code
 * itu-webhooks}, scope {@code webhooks.manage}), the operators' monitoring client ({@code
 * operations}, scope {@code operations.read}) and one client per reviewer listed in {@code
 * reviewers.yml}, each of whom must work at an agency that chairs or vice-chairs some period of the
 * rota.
 */
final class ClientDirectory {

  /** The operators' monitoring client: no role, only the scope {@code operations.read}. */
  static final String OPERATIONS_CLIENT = "operations";

  /** The {@code agency} claim of the monitoring client: the group itself, acting for no member. */
  static final String OPERATIONS_AGENCY = "UNGIS";

  private final Map<String, PlatformClient> byClientId;
  private final List<PlatformClient> ordered;

  ClientDirectory(Collection<PlatformClient> clients) {
    Map<String, PlatformClient> map = new LinkedHashMap<>();
    for (PlatformClient client : clients) {
      if (map.putIfAbsent(client.clientId(), client) != null) {
        throw new IllegalArgumentException("duplicate client id " + client.clientId());
      }
    }
    this.byClientId = Map.copyOf(map);
    this.ordered = List.copyOf(map.values());
  }

  static ClientDirectory of(Roster roster, List<ReviewersFile.Reviewer> reviewers) {
    List<PlatformClient> clients = new ArrayList<>();
    for (Member member : roster.members()) {
      String code = member.code().toLowerCase(Locale.ROOT);
      clients.add(
          new PlatformClient(
              code + "-intake",
              code + "-secret",
              member.code(),
              "intake@" + code + ".int",
              member.name() + " (intake)",
              List.of(PlatformClient.AGENCY_ROLE),
              PlatformClient.AGENCY_SCOPES));
      clients.add(
          new PlatformClient(
              code + "-webhooks",
              code + "-webhooks-secret",
              member.code(),
              "webhooks@" + code + ".int",
              member.name() + " (webhooks)",
              List.of(PlatformClient.INTEGRATOR_ROLE),
              PlatformClient.INTEGRATOR_SCOPES));
    }
    clients.add(
        new PlatformClient(
            OPERATIONS_CLIENT,
            OPERATIONS_CLIENT + "-secret",
            OPERATIONS_AGENCY,
            "operations@ungis.int",
            "Platform operations (metrics)",
            List.of(),
            PlatformClient.OPERATIONS_SCOPES));
    Set<String> rotaAgencies = roster.rotaAgencies();
    for (ReviewersFile.Reviewer reviewer : reviewers) {
      if (!roster.isMember(reviewer.agency())) {
        throw new IllegalArgumentException(
            "reviewer " + reviewer.id() + " works at unknown agency " + reviewer.agency());
      }
      if (!rotaAgencies.contains(reviewer.agency())) {
        throw new IllegalArgumentException(
            "reviewer "
                + reviewer.id()
                + " works at "
                + reviewer.agency()
                + ", which chairs or vice-chairs no period of the rota "
                + rotaAgencies);
      }
      clients.add(
          new PlatformClient(
              reviewer.id(),
              reviewer.secret() != null ? reviewer.secret() : reviewer.id() + "-secret",
              reviewer.agency(),
              reviewer.email() != null ? reviewer.email() : reviewer.name(),
              reviewer.name(),
              List.of(PlatformClient.REVIEWER_ROLE),
              PlatformClient.REVIEWER_SCOPES));
    }
    return new ClientDirectory(clients);
  }

  Optional<PlatformClient> byClientId(String clientId) {
    return Optional.ofNullable(byClientId.get(clientId));
  }

  /**
   * Intake and webhooks clients in roster order, the monitoring client, then reviewers in file
   * order.
   */
  List<PlatformClient> all() {
    return ordered;
  }
}
