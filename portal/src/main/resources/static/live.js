/*
 * The page's event stream (htmx's sse extension, sse-connect on <body>) closes when the page is
 * left. Over HTTP/1.1 a browser opens at most six connections to one host: pages kept in its
 * back/forward cache with their streams still open would take them all, and the current page's
 * live fragment fetches would wait behind them (its stream still delivers the event, but the
 * re-fetch it triggers cannot start). A page shown again from that cache missed the updates in
 * between, so it is loaded afresh.
 */
(function () {
  var streams = [];
  htmx.createEventSource = function (url) {
    var source = new EventSource(url, { withCredentials: true });
    streams = streams.filter(function (s) { return s.readyState !== EventSource.CLOSED; });
    streams.push(source);
    return source;
  };
  window.addEventListener('pagehide', function () {
    streams.forEach(function (s) { s.close(); });
    streams = [];
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      window.location.reload();
    }
  });
})();
