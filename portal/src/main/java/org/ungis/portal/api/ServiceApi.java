package org.ungis.portal.api;

import java.io.UncheckedIOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.ungis.client.UngisClient;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;

/**
 * The generated API client as the portal's clients use it: a call's answer read into the pages' own
 * {@link Models}, a refusal as an {@link ApiProblem.Exception}, no answer as a {@link
 * ServiceUnavailableException}; a token the service refuses (401) is forgotten, so that the next
 * page signs in again.
 */
@Component
class ServiceApi {

  /**
   * The generated code's mapper (Jackson 2), to write its models as the JSON they were read from.
   */
  private static final com.fasterxml.jackson.databind.ObjectMapper GENERATED =
      org.ungis.client.contributions.invoker.ApiClient.createDefaultObjectMapper();

  private final UngisClient client;
  private final ObjectMapper json;
  private final OAuth2AuthorizedClientRepository authorizedClients;

  ServiceApi(
      UngisClient client, ObjectMapper json, OAuth2AuthorizedClientRepository authorizedClients) {
    this.client = client;
    this.json = json;
    this.authorizedClients = authorizedClients;
  }

  UngisClient client() {
    return client;
  }

  /** A call's answer, read as the pages' model {@code type}. */
  <T> T call(UngisClient.Call<?> call, Class<T> type) {
    return convert(call(call), json.constructType(type));
  }

  /** A call's answer, read as a page of the pages' model {@code item}. */
  <T> Models.Page<T> page(UngisClient.Call<?> call, Class<T> item) {
    return convert(
        call(call), json.getTypeFactory().constructParametricType(Models.Page.class, item));
  }

  /** A call's answer, read as a list of the pages' model {@code item}. */
  <T> java.util.List<T> list(UngisClient.Call<?> call, Class<T> item) {
    return convert(
        call(call), json.getTypeFactory().constructCollectionType(java.util.List.class, item));
  }

  /** Runs a call of the generated API, translating what went wrong. */
  <T> T call(UngisClient.Call<T> call) {
    try {
      return UngisClient.call(call);
    } catch (org.ungis.client.ApiProblem problem) {
      if (problem.status() == 401) {
        forgetToken();
      }
      throw new ApiProblem.Exception(of(problem));
    } catch (UncheckedIOException noAnswer) {
      throw new ServiceUnavailableException(noAnswer);
    }
  }

  /** The client's problem, as the pages read it. */
  static ApiProblem of(org.ungis.client.ApiProblem problem) {
    return new ApiProblem(
        problem.status(),
        problem.type(),
        problem.reason().orElse(null),
        problem.detail(),
        problem.errors().stream()
            .map(e -> new ApiProblem.FieldProblem(nonNull(e.field()), nonNull(e.message())))
            .toList());
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private <T> T convert(Object answer, JavaType type) {
    if (answer == null) {
      return null;
    }
    try {
      return json.readValue(GENERATED.writeValueAsBytes(answer), type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("an answer of the API could not be read: " + e, e);
    }
  }

  private void forgetToken() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (ApiConfiguration.signedIn(authentication)
        && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web) {
      authorizedClients.removeAuthorizedClient(
          ApiConfiguration.REGISTRATION, authentication, web.getRequest(), web.getResponse());
    }
  }
}
