package org.ungis.contributions.routing;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.ContributionStatus;
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

  LocalMatchesEndpoint(LocalMatches matches) {
    this.matches = matches;
  }

  @GetMapping(PATH)
  void share(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String limit,
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
    ContributionStatus wanted;
    int most;
    try {
      wanted = status == null ? null : ContributionStatus.valueOf(status);
      most = Integer.parseInt(limit == null ? "" : limit);
    } catch (IllegalArgumentException e) {
      RoutingProblems.invalid(
          response,
          request.getRequestURI(),
          "status must be a contribution status and limit a whole number");
      return;
    }
    Share<Contribution.State> share;
    try {
      share = matches.find(agency, process, wanted, Math.max(0, most));
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
}
