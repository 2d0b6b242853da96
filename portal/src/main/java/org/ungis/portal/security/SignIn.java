package org.ungis.portal.security;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** "Sign in": after the provider's sign-in page, each person lands on the page of their role. */
@Controller
class SignIn {

  @GetMapping("/sign-in")
  String signIn(Authentication authentication) {
    Person person = Person.of(authentication);
    if (person != null && person.reviewer()) {
      return "redirect:/review";
    }
    if (person != null && person.focalPoint()) {
      return "redirect:/my";
    }
    return "redirect:/";
  }
}
