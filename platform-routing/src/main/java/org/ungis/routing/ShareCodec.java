package org.ungis.routing;

import java.util.HashSet;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of a {@link Share} between instances: {@code {partitions, total, items}}, the items
 * written by the service's own mapper (the one of its state stores, so an item crosses unchanged).
 */
public final class ShareCodec<T> {

  private record Wire(List<Integer> partitions, long total, List<JsonNode> items) {}

  private final JsonMapper json;
  private final Class<T> type;

  public ShareCodec(JsonMapper json, Class<T> type) {
    this.json = json;
    this.type = type;
  }

  public byte[] encode(Share<T> share) {
    return json.writeValueAsBytes(
        new Wire(
            share.partitions().stream().sorted().toList(),
            share.total(),
            share.items().stream().map(i -> (JsonNode) json.valueToTree(i)).toList()));
  }

  /**
   * @throws RoutingUnavailableException if the bytes are not a share
   */
  public Share<T> decode(byte[] bytes) {
    try {
      Wire wire = json.readValue(bytes, Wire.class);
      return new Share<>(
          new HashSet<>(wire.partitions()),
          wire.total(),
          wire.items().stream().map(node -> json.treeToValue(node, type)).toList());
    } catch (JacksonException | NullPointerException e) {
      throw new RoutingUnavailableException(
          "An instance answered an unreadable share of the list; retry");
    }
  }
}
