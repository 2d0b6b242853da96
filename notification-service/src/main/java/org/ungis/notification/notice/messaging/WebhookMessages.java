package org.ungis.notification.notice.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionRevised;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.contribution.ContributionWithdrawn;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEvent;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.ReviewEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a webhook delivery: {@code {"id", "type", "timestamp", "data"}}, where {@code id} is
 * the workflow event's id (also the {@code webhook-id} header, so a receiver de-duplicates by it).
 */
final class WebhookMessages {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * One message.
   *
   * @param eventId the workflow event's id
   * @param type its event type (see {@code EventTypes})
   * @param body the JSON body
   */
  record Message(String eventId, String type, String body) {}

  private WebhookMessages() {}

  static Optional<Message> of(ContributionEvent event) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("contributionId", event.getContributionId());
    data.put("processId", event.getProcessId());
    data.put("agency", event.getAgency());
    data.put("revision", event.getRevision());
    String type;
    if (event.getPayload() instanceof ContributionSubmitted submitted) {
      type = "contribution.submitted";
      data.put("title", submitted.getContent().getTitle());
    } else if (event.getPayload() instanceof ContributionRevised revised) {
      type = "contribution.revised";
      data.put("title", revised.getContent().getTitle());
    } else if (event.getPayload() instanceof ContributionWithdrawn withdrawn) {
      type = "contribution.withdrawn";
      data.put("reason", withdrawn.getReason());
    } else {
      return Optional.empty();
    }
    return Optional.of(message(event.getEventId().toString(), type, event.getOccurredAt(), data));
  }

  static Optional<Message> of(ReviewEvent event) {
    if (!(event.getPayload() instanceof DecisionRecorded decision)
        || decision.getOutcome() == null) {
      return Optional.empty();
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("contributionId", event.getContributionId());
    data.put("processId", event.getProcessId());
    data.put("agency", event.getAgency());
    data.put("revision", event.getRevision());
    data.put("outcome", decision.getOutcome().name());
    data.put("comment", decision.getComment());
    return Optional.of(
        message(event.getEventId().toString(), "review.decided", event.getOccurredAt(), data));
  }

  static Optional<Message> of(CallForInputsEvent event) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("processId", event.getProcessId());
    data.put("title", event.getTitle());
    data.put("deadline", event.getDeadline().toString());
    data.put("status", event.getStatus().name());
    String type = "call." + event.getChange().name().toLowerCase(Locale.ROOT);
    return Optional.of(message(event.getEventId().toString(), type, event.getOccurredAt(), data));
  }

  static Optional<Message> of(RecordEvent event) {
    if (!(event.getPayload() instanceof RecordEdition edition)) {
      return Optional.empty();
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("processId", event.getProcessId());
    data.put("title", edition.getCallTitle());
    data.put("edition", edition.getEdition());
    data.put("final", edition.getFinal$());
    data.put("entries", edition.getEntries().size());
    return Optional.of(
        message(event.getEventId().toString(), "record.edition", event.getOccurredAt(), data));
  }

  private static Message message(
      String eventId, String type, Instant occurredAt, Map<String, Object> data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", eventId);
    body.put("type", type);
    body.put("timestamp", occurredAt.toString());
    body.put("data", data);
    return new Message(eventId, type, JSON.writeValueAsString(body));
  }
}
