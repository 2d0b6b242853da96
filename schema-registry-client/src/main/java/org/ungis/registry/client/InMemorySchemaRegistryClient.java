package org.ungis.registry.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * An in-memory registry for {@code TopologyTestDriver} and other broker-free tests, selected by a
 * {@code mock://<scope>} URL through {@link MockSchemaRegistry}. Never use it in a running service:
 * its schemas die with the JVM and no other client can read them.
 *
 * <p>Like a real registry: one global id per distinct schema, versions per subject from 1,
 * idempotent registration, and BACKWARD compatibility checked on registration (409 otherwise). Not
 * like a real one: no normalization, no deletes, no per-subject compatibility levels.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private final String scope;
  private final Map<String, Integer> idBySchemaText = new HashMap<>();
  private final Map<Integer, Schema> schemaById = new HashMap<>();
  private final Map<String, List<Integer>> idsBySubject = new HashMap<>();
  private final Map<String, String> compatibilityBySubject = new HashMap<>();
  private final AtomicLong requests = new AtomicLong();

  InMemorySchemaRegistryClient(String scope) {
    this.scope = scope;
  }

  /** The scope of the {@code mock://} URL this registry answers. */
  public String scope() {
    return scope;
  }

  @Override
  public synchronized int register(String subject, Schema schema, boolean normalize) {
    requests.incrementAndGet();
    List<Integer> versions = idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    Integer known = idBySchemaText.get(schema.toString());
    if (known != null && versions.contains(known)) {
      return known;
    }
    if (!versions.isEmpty()) {
      Schema latest = schemaById.get(versions.get(versions.size() - 1));
      SchemaCompatibility.SchemaPairCompatibility result =
          SchemaCompatibility.checkReaderWriterCompatibility(schema, latest);
      if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
        throw new SchemaRegistryException(
            409,
            SchemaRegistryException.INCOMPATIBLE_SCHEMA,
            "Schema being registered is incompatible with an earlier schema for subject \""
                + subject
                + "\", details: "
                + result.getResult().getIncompatibilities());
      }
    }
    int id =
        idBySchemaText.computeIfAbsent(
            schema.toString(),
            text -> {
              int next = idBySchemaText.size() + 1;
              schemaById.put(next, schema);
              return next;
            });
    versions.add(id);
    return id;
  }

  @Override
  public synchronized Schema getSchemaById(int id) {
    requests.incrementAndGet();
    Schema schema = schemaById.get(id);
    if (schema == null) {
      throw new SchemaRegistryException(
          404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }
    return schema;
  }

  @Override
  public synchronized int getId(String subject, Schema schema, boolean normalize) {
    requests.incrementAndGet();
    List<Integer> versions = subjectVersions(subject);
    Integer id = idBySchemaText.get(schema.toString());
    if (id == null || !versions.contains(id)) {
      throw new SchemaRegistryException(
          404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
    }
    return id;
  }

  @Override
  public synchronized SchemaMetadata getLatestSchemaMetadata(String subject) {
    requests.incrementAndGet();
    List<Integer> versions = subjectVersions(subject);
    return metadata(subject, versions.size(), versions);
  }

  @Override
  public synchronized SchemaMetadata getSchemaMetadata(String subject, int version) {
    requests.incrementAndGet();
    List<Integer> versions = subjectVersions(subject);
    if (version < 1 || version > versions.size()) {
      throw new SchemaRegistryException(
          404, SchemaRegistryException.VERSION_NOT_FOUND, "Version " + version + " not found.");
    }
    return metadata(subject, version, versions);
  }

  @Override
  public synchronized String updateCompatibility(String subject, String level) {
    requests.incrementAndGet();
    compatibilityBySubject.put(subject, level);
    return level;
  }

  @Override
  public long requestCount() {
    return requests.get();
  }

  @Override
  public String toString() {
    return "InMemorySchemaRegistryClient[" + MockSchemaRegistry.urlOf(scope) + "]";
  }

  private List<Integer> subjectVersions(String subject) {
    List<Integer> versions = idsBySubject.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw new SchemaRegistryException(
          404, SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }
    return versions;
  }

  private SchemaMetadata metadata(String subject, int version, List<Integer> versions) {
    int id = versions.get(version - 1);
    return new SchemaMetadata(subject, version, id, schemaById.get(id).toString());
  }
}
