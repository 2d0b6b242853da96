package org.ungis.contributions.routing;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ungis.contributions.contribution.ActionLine;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.ContributionFilter;
import org.ungis.contributions.contribution.ContributionOrder;
import org.ungis.contributions.contribution.ContributionService;
import org.ungis.contributions.contribution.ContributionStatus;
import org.ungis.contributions.contribution.Language;
import org.ungis.contributions.contribution.RefusedException;
import org.ungis.routing.RoutingProblems;
import org.ungis.routing.Share;
import org.ungis.routing.ShareCodec;
import org.ungis.security.AuthenticatedActor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Internal, between instances (not in the public OpenAPI description): this instance's share of a
 * list ({@link LocalMatches}), for the instance that gathers the whole list ({@link RoutedViews}).
 * It needs the caller's bearer token like every endpoint, and serves a reviewer any filter and an
 * agency only its own contributions (the gathering instance has already applied the list's rules,
 * this only keeps the endpoint from being a way around them).
 */
@Hidden
@RestController
class LocalMatchesEndpoint {

  static final String PATH = "/internal/v1/contributions/local-matches";

  /** Same settings as the state stores' JSON, so a contribution crosses unchanged. */
  static final ShareCodec<Contribution.State> CODEC =
      new ShareCodec<>(
          JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build(),
          Contribution.State.class);

  private final LocalMatches matches;
  private final ContributionService service;

  LocalMatchesEndpoint(LocalMatches matches, ContributionService service) {
    this.matches = matches;
    this.service = service;
  }

  @GetMapping(PATH)
  void share(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String sdg,
      @RequestParam(required = false) String actionLine,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String order,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    AuthenticatedActor actor = AuthenticatedActor.current();
    boolean ownAgency =
        actor.isAgency()
            && agency != null
            && agency.equalsIgnoreCase(actor.agency().trim().toUpperCase(Locale.ROOT));
    if (!actor.isReviewer() && !ownAgency) {
      RoutingProblems.write(
          response,
          403,
          "forbidden",
          "Forbidden",
          request.getRequestURI(),
          "Only reviewers, and an agency for its own contributions, may list contributions");
      return;
    }
    ContributionFilter filter;
    ContributionOrder sorted;
    int most;
    try {
      filter =
          new ContributionFilter(
              agency,
              process,
              status == null ? null : ContributionStatus.valueOf(status),
              language == null ? null : Language.valueOf(language),
              sdg == null ? null : Integer.valueOf(sdg),
              actionLine == null ? null : ActionLine.valueOf(actionLine),
              q);
      sorted = order == null ? ContributionOrder.SUBMITTED : ContributionOrder.valueOf(order);
      most = Integer.parseInt(limit == null ? "" : limit);
    } catch (IllegalArgumentException e) {
      RoutingProblems.invalid(
          response,
          request.getRequestURI(),
          "status, language, sdg, actionLine and order must be valid values and limit a whole"
              + " number");
      return;
    }
    Share<Contribution.State> share;
    try {
      // what this instance wrote before the list was asked for, as on the gathering instance
      service.awaitWritten(actor.isReviewer() ? null : agency);
      share = matches.find(filter, sorted, Math.max(0, most));
    } catch (RefusedException e) {
      RoutingProblems.unavailable(response, request.getRequestURI(), e.getMessage());
      return;
    }
    byte[] body = CODEC.encode(share);
    response.setStatus(200);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The query string that asks a peer for its share of a filtered list (the reverse of share). */
  static String query(ContributionFilter filter, ContributionOrder order, int limit) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("agency", filter.agency());
    parameters.put("process", filter.processId());
    parameters.put("status", filter.status());
    parameters.put("language", filter.language());
    parameters.put("sdg", filter.sdg());
    parameters.put("actionLine", filter.actionLine());
    parameters.put("q", filter.text());
    StringBuilder query = new StringBuilder("limit=").append(limit).append("&order=").append(order);
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            query
                .append('&')
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
          }
        });
    return query.toString();
  }
}
