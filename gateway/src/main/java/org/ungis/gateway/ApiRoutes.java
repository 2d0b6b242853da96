package org.ungis.gateway;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Which paths go to which service; everything else is the gateway's own 404. A service that cannot
 * be reached is {@code 503} problem+json {@code https://ungis.org/problems/unavailable} with {@code
 * Retry-After}, as the services answer when they are not ready.
 */
@Configuration(proxyBeanMethods = false)
class ApiRoutes {

  @Bean
  RouterFunction<ServerResponse> api(GatewaySettings services) {
    return to("contributions", "/api/v1/contributions/**", services.contributions())
        .and(to("reviews", "/api/v1/reviews/**", services.review()))
        .and(to("processes", "/api/v1/processes/**", services.review()))
        .and(to("records", "/api/v1/records/**", services.publication()));
  }

  private static RouterFunction<ServerResponse> to(String id, String pattern, URI service) {
    return route(id)
        .route(path(pattern), http())
        .before(uri(service))
        .onError(Exception.class, (error, request) -> unavailable(id, request))
        .build();
  }

  private static ServerResponse unavailable(String id, ServerRequest request) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "https://ungis.org/problems/unavailable");
    problem.put("title", "Service unavailable");
    problem.put("status", 503);
    problem.put("detail", "The service behind " + id + " cannot be reached; retry");
    problem.put("instance", request.path());
    return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
