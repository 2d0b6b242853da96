package org.ungis.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a read ({@code GET}, {@code HEAD}) that carries a query parameter its handler does not
 * declare ({@code @RequestParam}), or one parameter more than once, with {@code 400} problem+json
 * ({@link InvalidParameterException}), before the handler runs: a misspelt filter never answers
 * {@code 200} with the unfiltered list.
 */
public final class QueryParameterCheck implements HandlerInterceptor {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<HandlerMethod, List<String>> declared = new ConcurrentHashMap<>();

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    if (!(handler instanceof HandlerMethod method)
        || !(HttpMethod.GET.matches(request.getMethod())
            || HttpMethod.HEAD.matches(request.getMethod()))) {
      return true;
    }
    List<String> known = declared.computeIfAbsent(method, QueryParameterCheck::parameters);
    if (known == null) {
      return true;
    }
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      String name = parameter.getKey();
      if (!known.contains(name)) {
        write(response, request, InvalidParameterException.unknown(name, known));
        return false;
      }
      if (parameter.getValue().length > 1) {
        write(
            response,
            request,
            InvalidParameterException.invalid(name, "must be given at most once"));
        return false;
      }
    }
    return true;
  }

  /** The declared query parameters; null when the handler takes any (a parameter map). */
  private static List<String> parameters(HandlerMethod method) {
    List<String> names = new ArrayList<>();
    for (MethodParameter parameter : method.getMethodParameters()) {
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      if (param == null) {
        continue;
      }
      String name = param.name().isEmpty() ? param.value() : param.name();
      if (name.isEmpty()) {
        if (Map.class.isAssignableFrom(parameter.getParameterType())) {
          return null;
        }
        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        name = parameter.getParameterName();
      }
      if (name != null) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  private static void write(
      HttpServletResponse response, HttpServletRequest request, InvalidParameterException e)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", e.type());
    problem.put("title", e.title());
    problem.put("status", 400);
    problem.put("detail", e.detail());
    problem.put("instance", request.getRequestURI());
    problem.put("parameter", e.parameter());
    problem.put("errors", List.of(Map.of("field", e.parameter(), "message", e.getMessage())));
    byte[] body = JSON.writeValueAsBytes(problem);
    response.setStatus(400);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
