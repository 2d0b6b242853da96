package org.ungis.schemas.access;

import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * One line of the broker's access rules: a principal may perform some operations on one resource (a
 * topic, a consumer group, a transactional id or the cluster), named literally or by prefix.
 *
 * @param principal the broker principal's user name, e.g. {@code review-service}
 * @param resourceType {@code TOPIC}, {@code GROUP}, {@code TRANSACTIONAL_ID} or {@code CLUSTER}
 * @param resourceName the resource's name, or the prefix of the names it covers
 * @param patternType {@code LITERAL} or {@code PREFIXED}
 * @param operations what the principal may do there
 */
public record Grant(
    String principal,
    ResourceType resourceType,
    String resourceName,
    PatternType patternType,
    List<AclOperation> operations) {

  public Grant {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceName, "resourceName");
    Objects.requireNonNull(patternType, "patternType");
    operations = List.copyOf(operations);
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("a grant needs at least one operation");
    }
  }

  /** The Kafka principal of {@link #principal()}, e.g. {@code User:review-service}. */
  public String kafkaPrincipal() {
    return "User:" + principal;
  }

  /** One ALLOW binding per operation, from any host. */
  public List<AclBinding> bindings() {
    ResourcePattern pattern = new ResourcePattern(resourceType, resourceName, patternType);
    return operations.stream()
        .map(
            operation ->
                new AclBinding(
                    pattern,
                    new AccessControlEntry(
                        kafkaPrincipal(), "*", operation, AclPermissionType.ALLOW)))
        .toList();
  }
}
