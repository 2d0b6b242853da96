package org.ungis.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.ungis.portal.api.ApiProblem;
import org.ungis.portal.api.ProblemMessages;
import org.ungis.portal.api.ServiceUnavailableException;

/**
 * A service's refusal or absence on a page that has no form to show it in: a page that says what
 * happened in words, with the matching HTTP status.
 */
@ControllerAdvice
class ProblemPages {

  private static final Logger log = LoggerFactory.getLogger(ProblemPages.class);

  @ExceptionHandler(ApiProblem.Exception.class)
  ModelAndView problem(ApiProblem.Exception e, HttpServletResponse response) {
    ApiProblem problem = e.problem();
    log.info("service answered {} {} ({})", problem.status(), problem.type(), problem.detail());
    int status = problem.status() == 401 ? 403 : problem.status();
    response.setStatus(status >= 400 && status < 600 ? status : 500);
    ModelAndView page = new ModelAndView("problem");
    page.addObject("problemKey", ProblemMessages.key(problem));
    page.addObject("signIn", problem.status() == 401);
    return page;
  }

  @ExceptionHandler(ServiceUnavailableException.class)
  ModelAndView unreachable(ServiceUnavailableException e, HttpServletResponse response) {
    log.warn("a service is unreachable: {}", e.getMessage());
    response.setStatus(503);
    ModelAndView page = new ModelAndView("problem");
    page.addObject("problemKey", "problem.unavailable");
    page.addObject("signIn", false);
    return page;
  }
}
