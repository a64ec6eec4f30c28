/*! Kundenfit analytics adapter: counts quiz starts, results and sign-ups in the coach's own statistics. */
/*
 * Loaded only when KUNDENFIT_ANALYTICS is set (quiz.html), never otherwise, so the quiz runtime
 * carries none of it. It listens to the events kundenfit.js dispatches (kundenfit:start,
 * kundenfit:complete, kundenfit:lead) and sends each to the self-hosted tool named on its
 * script element (data-kf-tool, data-kf-url, data-kf-site). What it sends: the event's name,
 * the quiz id, the outcome id, the language and the page's address without query and `#` (the
 * answers live in the `#`). No cookie, no storage, no identifier of its own.
 */
(function () {
  'use strict';

  const script = document.currentScript;
  // Two quizzes on one page load this twice: count once.
  if (!script || window.KundenfitAnalytics) return;
  window.KundenfitAnalytics = true;
  const tool = script.getAttribute('data-kf-tool');
  const base = script.getAttribute('data-kf-url').replace(/\/+$/, '');
  const site = script.getAttribute('data-kf-site');
  const page = location.origin + location.pathname;
  const post = (url, body, type) =>
    fetch(url, { method: 'POST', body, keepalive: true, headers: { 'Content-Type': type } }).catch(() => 0);

  const send = {
    // Plausible Events API, POST /api/event: name, url, domain, referrer, props
    // (https://plausible.io/docs/events-api). Sent as text/plain, as Plausible's own script
    // does, so the browser needs no CORS preflight; Plausible reads the JSON body either way.
    plausible: (name, d) =>
      post(
        base + '/api/event',
        JSON.stringify({ name, url: page, domain: site || location.hostname, referrer: null, props: d }),
        'text/plain'
      ),
    // Matomo Tracking HTTP API, matomo.php with idsite, rec=1, url and an event: e_c (category),
    // e_a (action), e_n (name); send_image=0 asks for an empty answer
    // (https://developer.matomo.org/api-reference/tracking-api).
    matomo: (name, d) => {
      const q = new URLSearchParams({ idsite: site, rec: 1, apiv: 1, send_image: 0, url: page });
      q.set('e_c', 'Kundenfit ' + d.quiz);
      q.set('e_a', name);
      if (d.outcome) q.set('e_n', d.outcome);
      navigator.sendBeacon(base + '/matomo.php?' + q);
    },
    // Umami, POST /api/send with {type: "event", payload: {website, hostname, url, language,
    // name, data}} (https://umami.is/docs/api/sending-stats).
    umami: (name, d) =>
      post(
        base + '/api/send',
        JSON.stringify({
          type: 'event',
          payload: { website: site, hostname: location.hostname, url: location.pathname, language: d.lang, name, data: d },
        }),
        'application/json'
      ),
  }[tool];

  if (!send) return;
  ['start', 'complete', 'lead'].forEach((name) =>
    document.addEventListener('kundenfit:' + name, (e) => {
      const d = e.detail || {};
      send('kundenfit-' + name, { quiz: String(d.quiz), outcome: d.outcome ? String(d.outcome) : '', lang: String(d.lang) });
    })
  );
})();
