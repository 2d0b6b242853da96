package org.ungis.portal.live;

import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.ungis.portal.security.Person;

/** The page's event stream ({@code sse-connect="/live"}), scoped to what the person may see. */
@Controller
class LiveController {

  private final LiveHub hub;

  LiveController(LiveHub hub) {
    this.hub = hub;
  }

  @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  SseEmitter live(Authentication authentication, Locale locale) {
    return hub.subscribe(Person.of(authentication), locale);
  }
}
