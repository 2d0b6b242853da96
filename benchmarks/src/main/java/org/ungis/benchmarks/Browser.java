package org.ungis.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser on the portal: its own cookies (the portal's session, the authorization
 * server's sign-in session), the sign-in through the portal as a browser does it (the portal's
 * {@code /sign-in}, its redirects to the authorization server's sign-in form, the form posted with
 * its hidden fields, the redirects back with the code, which the portal exchanges), then pages.
 * Cookies are kept per host and port (a browser keeps them per host; the portal's and the
 * authorization server's have names of their own, so this changes nothing). Many browsers share one
 * {@link HttpClient}.
 */
final class Browser {

  private static final int MAX_REDIRECTS = 12;
  private static final Pattern FORM =
      Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern INPUT =
      Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*\"([^\"]*)\"", Pattern.DOTALL);

  private final HttpClient http;
  private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

  Browser(HttpClient http) {
    this.http = http;
  }

  /** A sign-in form: where it posts and its hidden fields, in order. */
  record Form(String action, Map<String, String> hidden) {}

  /**
   * Signs {@code username} in at the portal; returns the page the portal lands them on (its {@code
   * /sign-in} sends a reviewer to the queue, a focal point to the dashboard).
   */
  HttpResponse<String> signIn(String portalUrl, String username, String password) {
    HttpResponse<String> page = follow(get(portalUrl + "/sign-in"));
    Form form =
        form(page.body())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no sign-in form at " + page.uri() + ": HTTP " + page.statusCode()));
    Map<String, String> fields = new LinkedHashMap<>(form.hidden());
    fields.put("username", username);
    fields.put("password", password);
    HttpResponse<String> landed =
        follow(
            send(
                HttpRequest.newBuilder(page.uri().resolve(form.action()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))));
    URI portal = URI.create(portalUrl);
    // A refused password lands on the authorization server's form again (/login?error).
    if (landed.statusCode() != 200 || !authority(landed.uri()).equals(authority(portal))) {
      throw new IllegalStateException(
          "signing in "
              + username
              + " ended at "
              + landed.uri()
              + " with HTTP "
              + landed.statusCode());
    }
    return landed;
  }

  /** A page request with this browser's cookies; redirects are not followed. */
  HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  /** Follows redirects (GET) from a response, as a browser does, until a page answers. */
  HttpResponse<String> follow(HttpResponse<String> response) {
    HttpResponse<String> current = response;
    for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
      int status = current.statusCode();
      if (status < 300 || status >= 400) {
        return current;
      }
      String location =
          current
              .headers()
              .firstValue("Location")
              .orElseThrow(() -> new IllegalStateException("a redirect without a Location"));
      current = send(HttpRequest.newBuilder(current.uri().resolve(location)).GET());
    }
    throw new IllegalStateException("more than " + MAX_REDIRECTS + " redirects: " + current.uri());
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    HttpRequest request =
        builder.header("Accept", "text/html").timeout(Duration.ofSeconds(60)).build();
    String cookie = cookieHeader(request.uri());
    if (!cookie.isEmpty()) {
      request =
          HttpRequest.newBuilder(request, (name, value) -> true).header("Cookie", cookie).build();
    }
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      remember(request.uri(), response.headers().allValues("Set-Cookie"));
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The request's {@code Cookie} header for this URI ("" when none). */
  String cookieHeader(URI uri) {
    Map<String, String> jar = cookies.get(authority(uri));
    if (jar == null) {
      return "";
    }
    synchronized (jar) {
      return jar.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; "));
    }
  }

  /** Keeps (or, when expired, drops) the cookies a response from this URI set. */
  void remember(URI uri, List<String> setCookies) {
    Map<String, String> jar = cookies.computeIfAbsent(authority(uri), k -> new LinkedHashMap<>());
    synchronized (jar) {
      for (String header : setCookies) {
        String pair = header.split(";", 2)[0];
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          continue;
        }
        String name = pair.substring(0, equals).trim();
        String value = pair.substring(equals + 1).trim();
        String lower = header.toLowerCase(java.util.Locale.ROOT);
        if (value.isEmpty() || lower.contains("max-age=0")) {
          jar.remove(name);
        } else {
          jar.put(name, value);
        }
      }
    }
  }

  /** The first form of a page that has a password field, with its hidden fields. */
  static java.util.Optional<Form> form(String html) {
    if (html == null) {
      return java.util.Optional.empty();
    }
    Matcher form = FORM.matcher(html);
    while (form.find()) {
      String inner = form.group(2);
      Map<String, String> hidden = new LinkedHashMap<>();
      boolean password = false;
      Matcher input = INPUT.matcher(inner);
      while (input.find()) {
        Map<String, String> attributes = attributes(input.group(1));
        String type = attributes.getOrDefault("type", "text").toLowerCase(java.util.Locale.ROOT);
        if (type.equals("password")) {
          password = true;
        } else if (type.equals("hidden") && attributes.containsKey("name")) {
          hidden.put(attributes.get("name"), attributes.getOrDefault("value", ""));
        }
      }
      if (password) {
        String action = attributes(form.group(1)).getOrDefault("action", "");
        return java.util.Optional.of(new Form(action, hidden));
      }
    }
    return java.util.Optional.empty();
  }

  /** An element's double-quoted attributes, their entities decoded. */
  static Map<String, String> attributes(String tag) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(tag);
    while (m.find()) {
      attributes.put(m.group(1).toLowerCase(java.util.Locale.ROOT), unescape(m.group(2)));
    }
    return attributes;
  }

  static String unescape(String text) {
    return text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static String authority(URI uri) {
    return uri.getHost() + ":" + uri.getPort();
  }

  private static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
