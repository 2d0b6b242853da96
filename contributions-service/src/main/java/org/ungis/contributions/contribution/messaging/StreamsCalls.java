package org.ungis.contributions.contribution.messaging;

import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;
import org.ungis.contributions.contribution.Call;
import org.ungis.contributions.contribution.Calls;
import org.ungis.events.process.CallForInputsEvent;

/**
 * The calls for inputs, from the global table of {@code Topics.PROCESSES} (every instance has all).
 */
@Component
class StreamsCalls implements Calls {

  private final LocalStores stores;

  StreamsCalls(LocalStores stores) {
    this.stores = stores;
  }

  @Override
  public Optional<Call> find(String processId) {
    ReadOnlyKeyValueStore<String, CallForInputsEvent> store =
        stores.keyValueStore(ContributionViewTopology.CALLS_STORE);
    try {
      return Optional.ofNullable(store.get(processId)).map(AvroMapping::toDomain);
    } catch (InvalidStateStoreException e) {
      throw stores.unavailable(e);
    }
  }
}
