/*! Kundenfit quiz runtime, inside an iframe: sizes the frame and talks to the host page. */
/*
 * Loaded after kundenfit.js, on embed pages only, so the quiz runtime on our own pages and in
 * articles does not carry the frame protocols (loader.js's and WordPress's wp-embed.js).
 */
(function () {
  'use strict';

  const P = 'data-kf-';
  const EVENT = 'kundenfit:result';

  // On an embed page (html[data-kf-embed]) in an iframe. Framed by loader.js: report the page's
  // height, each result and event and what to scroll into view to the host page, whose origin the loader
  // passed as ?host=, to that exact origin only (never "*"), so no other page can read them.
  // Framed by WordPress (oEmbed): wp-embed.js sizes its sandboxed iframe (200 to 1000 px) when
  // told {message: 'height', value, secret} with the secret it put in our address (#?secret=);
  // the sandbox has no origin to name, so '*' (the height is no secret), and it follows links
  // to our own site for us (the sandbox may not navigate the top page).
  function embed() {
    const host = new URLSearchParams(location.search).get('host') || '';
    const secret = (/secret=([a-zA-Z0-9]+)/.exec(location.hash) || [])[1];
    const parent = window.parent;
    const root = document.documentElement;
    let origin = '';
    try {
      origin = new URL(host).origin;
    } catch (e) {
      // No host (a plain iframe, or WordPress): see below.
    }
    if (parent === window || !window.ResizeObserver) return;
    let post;
    let last = 0;
    const measure = () => (last = Math.ceil(root.getBoundingClientRect().height));
    if (origin && origin === host) {
      post = (data) => parent.postMessage(Object.assign({ kundenfit: 1 }, data), origin);
      root.setAttribute(P + 'sized', ''); // kundenfit-embed.css: no inner scrollbar from now on
      window.Kundenfit.hostScroll = (top, bottom) => post({ height: measure(), top, bottom });
      document.addEventListener(EVENT, (e) => post({ result: e.detail }));
      // start, complete and lead: the loader dispatches them again on its placeholder.
      ['start', 'complete', 'lead'].forEach((name) =>
        document.addEventListener('kundenfit:' + name, (e) => post({ event: name, detail: e.detail }))
      );
    } else if (secret) {
      post = (data) => parent.postMessage({ message: 'height', value: data.height, secret }, '*');
      window.addEventListener('message', (e) => {
        if (e.data && e.data.message === 'ready' && e.data.secret === secret) post({ height: measure() });
      });
      document.addEventListener('click', (e) => {
        const link = e.target.closest('a[href]');
        if (!link || e.defaultPrevented) return;
        e.preventDefault();
        parent.postMessage({ message: 'link', value: link.href, secret }, '*');
      });
    } else return;
    const size = () => last !== measure() && post({ height: last });
    new ResizeObserver(size).observe(root); // also on window resizes: the width changes
    post({ height: measure() });
  }

  if (window.Kundenfit && document.documentElement.hasAttribute(P + 'embed')) embed();
})();
