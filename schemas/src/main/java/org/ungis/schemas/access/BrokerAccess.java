package org.ungis.schemas.access;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;

/**
 * Who may do what on the broker: the one declaration of the broker's access rules, derived from the
 * topic catalogue ({@link Topics}). The broker refuses everything not granted here ({@code
 * allow.everyone.if.no.acl.found=false}); the broker's own principal ({@link #ADMIN}) is a super
 * user and needs no grant.
 *
 * <ul>
 *   <li>a service writes exactly the topics whose {@link Topic#owner()} it is (WRITE, DESCRIBE,
 *       READ, CREATE): the sole-writer rule;
 *   <li>it reads the topics it consumes (READ, DESCRIBE) and may create them with the catalogue's
 *       settings (CREATE: it declares them at start so that the services start in any order; CREATE
 *       lets nobody write);
 *   <li>it writes the dead-letter topics of the topics it reads or owns (WRITE, DESCRIBE, CREATE);
 *   <li>a Kafka Streams service owns everything named after its {@code application.id}: its
 *       internal topics (ALL), its consumer group (READ) and its transactional ids (WRITE,
 *       DESCRIBE);
 *   <li>the schema registry owns its log topic {@code _schemas};
 *   <li>{@link #RECORDS_READER}, the principal of downstream systems, reads the records topic only,
 *       with consumer groups named {@code records-reader...};
 *   <li>{@link #AGENCY}, a principal for an agency's system, is known to the broker and granted
 *       nothing: agencies act through the services' APIs, never on the topics.
 * </ul>
 *
 * <p>{@link AccessRules#apply} turns this into ACLs on a broker; {@link AccessRules#kafkaAcls}
 * prints it as {@code kafka-acls} commands for an operator.
 */
public final class BrokerAccess {

  /** The broker's and the operator's principal: a super user ({@code super.users}). */
  public static final String ADMIN = "admin";

  /** Downstream systems following the published records. */
  public static final String RECORDS_READER = "records-reader";

  /** An agency's system: authenticated, granted nothing. */
  public static final String AGENCY = "agency";

  /** The schema registry's log topic (Confluent's {@code kafkastore.topic} default). */
  public static final String SCHEMAS_TOPIC = "_schemas";

  /**
   * A principal of the platform and what it reads besides what it owns.
   *
   * @param name the principal's user name; for a service, its name in {@link Topic#owner()}
   * @param reads the catalogue topics it consumes (its own topics are readable anyway)
   * @param applicationId the Kafka Streams {@code application.id} (also the prefix of its consumer
   *     groups and transactional ids), or empty for a principal without one
   */
  public record Principal(String name, List<Topic<?>> reads, Optional<String> applicationId) {

    public Principal {
      Objects.requireNonNull(name, "name");
      reads = List.copyOf(reads);
      Objects.requireNonNull(applicationId, "applicationId");
    }

    /** The catalogue topics this principal owns, hence writes. */
    public List<Topic<?>> owns() {
      return Topics.ALL.stream().filter(topic -> topic.owner().equals(name)).toList();
    }
  }

  /** Every principal of the platform but {@link #ADMIN}, in the order of the workflow. */
  public static final List<Principal> PRINCIPALS =
      List.of(
          service("contributions-service", Topics.PROCESSES, Topics.REVIEWS),
          service("review-service", Topics.CONTRIBUTIONS),
          service("publication-service", Topics.CONTRIBUTIONS, Topics.REVIEWS, Topics.PROCESSES),
          service(
              "notification-service",
              Topics.CONTRIBUTIONS,
              Topics.REVIEWS,
              Topics.PROCESSES,
              Topics.RECORDS),
          // Live updates: reads by assignment, no consumer group, writes nothing.
          new Principal(
              "portal",
              List.of(Topics.CONTRIBUTIONS, Topics.PROCESSES, Topics.REVIEWS, Topics.RECORDS),
              Optional.empty()),
          new Principal("schema-registry", List.of(), Optional.empty()),
          new Principal(RECORDS_READER, List.of(Topics.RECORDS), Optional.empty()),
          new Principal(AGENCY, List.of(), Optional.empty()));

  private BrokerAccess() {}

  /** The principal of that name. */
  public static Principal principal(String name) {
    return PRINCIPALS.stream()
        .filter(principal -> principal.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No broker principal " + name));
  }

  /** The principals' names, e.g. to create their credentials. */
  public static List<String> principalNames() {
    return PRINCIPALS.stream().map(Principal::name).toList();
  }

  /** Every grant, principal by principal. */
  public static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    PRINCIPALS.forEach(principal -> grants.addAll(grants(principal)));
    return grants;
  }

  /** Every grant as ACL bindings: what the broker holds once {@link AccessRules#apply} ran. */
  public static Set<AclBinding> bindings() {
    Set<AclBinding> bindings = new LinkedHashSet<>();
    grants().forEach(grant -> bindings.addAll(grant.bindings()));
    return bindings;
  }

  /** What one principal is granted. */
  static List<Grant> grants(Principal principal) {
    String who = principal.name();
    List<Grant> grants = new ArrayList<>();
    Set<Topic<?>> deadLettered = new LinkedHashSet<>();
    for (Topic<?> owned : principal.owns()) {
      grants.add(topic(who, owned.name(), WRITE, DESCRIBE, READ, CREATE));
      deadLettered.add(owned);
    }
    boolean service = principal.applicationId().isPresent();
    for (Topic<?> read : principal.reads()) {
      grants.add(
          service
              ? topic(who, read.name(), READ, DESCRIBE, CREATE)
              : topic(who, read.name(), READ));
      if (service) {
        deadLettered.add(read);
      }
    }
    deadLettered.forEach(
        topic -> grants.add(topic(who, topic.deadLetterTopic(), WRITE, DESCRIBE, CREATE)));
    principal
        .applicationId()
        .ifPresent(
            id -> {
              grants.add(
                  new Grant(who, ResourceType.TOPIC, id, PatternType.PREFIXED, List.of(ALL)));
              grants.add(
                  new Grant(who, ResourceType.GROUP, id, PatternType.PREFIXED, List.of(READ)));
              grants.add(
                  new Grant(
                      who,
                      ResourceType.TRANSACTIONAL_ID,
                      id,
                      PatternType.PREFIXED,
                      List.of(WRITE, DESCRIBE)));
            });
    if (who.equals("schema-registry")) {
      grants.add(topic(who, SCHEMAS_TOPIC, WRITE, DESCRIBE, READ, CREATE));
    }
    if (who.equals(RECORDS_READER)) {
      grants.add(
          new Grant(who, ResourceType.GROUP, RECORDS_READER, PatternType.PREFIXED, List.of(READ)));
    }
    return grants;
  }

  private static Principal service(String name, Topic<?>... reads) {
    return new Principal(name, List.of(reads), Optional.of(name));
  }

  private static Grant topic(
      String principal, String topic, org.apache.kafka.common.acl.AclOperation... operations) {
    return new Grant(
        principal, ResourceType.TOPIC, topic, PatternType.LITERAL, List.of(operations));
  }
}
