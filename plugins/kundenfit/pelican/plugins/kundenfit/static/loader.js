/*! Kundenfit embed loader: shows each Kundenfit quiz placeholder on this page as a sized iframe. */
/*
 * Snippet (copied from a quiz page):
 *   <div data-kundenfit-embed="kundenfit" data-lang="de" data-src="https://site/embed/kundenfit/">
 *   <a href="https://site/quiz/kundenfit/">…</a></div>
 *   <script src="https://site/kundenfit/loader.js" async></script>
 * The link (to the quiz's full page) is the fallback where scripts are stripped; with this script
 * the placeholder becomes an iframe of the embed page (data-src; older snippets: the link) that is
 * exactly as high as the quiz. The embed page reports its height, each result and the part of it
 * to bring into view (top, bottom: px from its top) by postMessage to this page's origin, passed
 * to it as ?host=. Only messages from our own iframes AND from the site's origin (that of this
 * script) are believed. A result is re-dispatched on the placeholder as the bubbling DOM event
 * `kundenfit:result` (detail: quiz, outcome, lang), and so are `kundenfit:start` (quiz, lang),
 * `kundenfit:complete` and `kundenfit:lead` (quiz, outcome, lang).
 * Running the loader twice (two snippets on one page) is harmless: each placeholder is taken once.
 * data-color, data-font and data-title on the placeholder go to the embed page as ?color=,
 * ?font= and ?title=, which checks and applies them (kundenfit-frame.js): no other request.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  // file:// and sandboxed host pages have no origin the embed page could answer to.
  if (!script || !window.URL || location.origin === 'null') return;
  var site = new URL(script.src, location.href).origin;
  var frames = [];

  function place() {
    var list = document.querySelectorAll('[data-kundenfit-embed]:not([data-kundenfit-ready])');
    Array.prototype.forEach.call(list, function (box) {
      var link = box.querySelector('a[href]');
      if (!link) return;
      var url = new URL(box.getAttribute('data-src') || link.href, location.href);
      if (url.origin !== site) return; // only ever frame the site this loader came from
      url.searchParams.set('host', location.origin);
      ['color', 'font', 'title'].forEach(function (name) {
        var value = box.getAttribute('data-' + name);
        if (value) url.searchParams.set(name, value);
      });
      var frame = document.createElement('iframe');
      frame.src = url.href;
      frame.title = link.textContent.replace(/\s+/g, ' ').trim();
      frame.setAttribute('loading', 'lazy');
      var s = frame.style;
      s.display = 'block';
      s.width = '100%';
      s.border = '0';
      s.overflow = 'hidden';
      // Room for the quiz's first questions, so the page jumps by no more than the quiz adds.
      s.height = (parseInt(box.getAttribute('data-height'), 10) || 640) + 'px';
      box.setAttribute('data-kundenfit-ready', '');
      box.textContent = '';
      box.appendChild(frame);
      frames.push([frame, box]);
    });
  }

  // `kundenfit:<name>` on the placeholder, with only the fields documented (no other data).
  function fire(box, name, r) {
    var detail = { quiz: String(r.quiz), lang: String(r.lang) };
    if (r.outcome != null) detail.outcome = String(r.outcome);
    box.dispatchEvent(new CustomEvent('kundenfit:' + name, { bubbles: true, detail: detail }));
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== site || !data || data.kundenfit !== 1) return;
    frames.forEach(function (pair) {
      if (!event.source || pair[0].contentWindow !== event.source) return;
      var height = Number(data.height);
      if (height > 0 && height < 100000) pair[0].style.height = Math.ceil(height) + 'px';
      // After the new height: scroll this page when that part of the quiz is not in view (the
      // quiz never scrolls inside its frame).
      var top = pair[0].getBoundingClientRect().top;
      var a = top + Number(data.top);
      if (a >= top && (a < 0 || top + Number(data.bottom) > innerHeight)) scrollBy(0, a - 8);
      var r = data.result;
      if (r && typeof r === 'object') fire(pair[1], 'result', r);
      r = data.detail;
      if (/^(start|complete|lead)$/.test(data.event) && r && typeof r === 'object') fire(pair[1], data.event, r);
    });
  });

  place();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', place);
})();
