/*! Kundenfit quiz runtime, inside an iframe: the snippet's look, frame size and host scrolling. */
/*
 * Loaded on embed pages only, in <head> before the page is shown (so a colour, font or hidden
 * title chosen by the snippet shows from the first paint), and it talks to the host page once
 * kundenfit.js has run. The quiz runtime on our own pages and in articles does not carry the
 * frame protocols (loader.js's and WordPress's wp-embed.js).
 */
(function () {
  'use strict';

  const P = 'data-kf-';
  const EVENT = 'kundenfit:result';
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);
  // The embed page's paper (it stays light) and the brand's muted text, as brand.py checks them.
  const PAPER = '#ffffff';
  const MUTED = '#4a5560';

  // The snippet's choices (loader.js passes data-color, data-font and data-title as ?color=,
  // ?font= and ?title=; a plain iframe writes them itself). A wrong value is left out with one
  // console line (the template hands in the page language's text): the brand stays.
  function warn(name, value, ratio) {
    const text = root.getAttribute(P + 'text-' + name) || '';
    console.warn(text.replace('{value}', value).replace('{ratio}', ratio));
  }

  const rgb = (hex) => [0, 2, 4].map((i) => parseInt(hex.substr(i, 2), 16));
  const toHex = (c) => '#' + c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  const mix = (a, b, share) => toHex(rgb(a.slice(1)).map((v, i) => v + (rgb(b.slice(1))[i] - v) * share));
  function luminance(hex) {
    const [r, g, b] = rgb(hex.slice(1)).map((v) => {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  function contrast(a, b) {
    const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
    return (x + 0.05) / (y + 0.05);
  }

  // The brand's primary colour and what brand.palette derives from it (text, buttons, tint).
  function colour(value) {
    const match = /^#?([0-9a-fA-F]{6})$/.exec(value);
    if (!match) return warn('color', value);
    const c = '#' + match[1].toLowerCase();
    const ratio = contrast(c, PAPER);
    if (ratio < 4.5) return warn('contrast', value, (Math.floor(ratio * 100) / 100).toFixed(2));
    const on = ['#ffffff', '#1d2327', '#14191a'].reduce((a, b) => (contrast(b, c) > contrast(a, c) ? b : a));
    const tint = [0.08, 0.06, 0.04, 0.02]
      .map((share) => mix(PAPER, c, share))
      .find((t) => Math.min(contrast(c, t), contrast(MUTED, t)) >= 4.5);
    const set = (name, v) => root.style.setProperty('--kf-brand-' + name, v);
    set('primary', c);
    set('primary-strong', mix(c, '#000000', 0.25));
    set('on-primary', on);
    set('tint', tint || PAPER);
  }

  // A family name the visitor's device has (Georgia, Arial, …) or a generic family (serif,
  // sans-serif, system-ui); the host page's web fonts are not loaded inside the frame. The
  // brand's fonts follow it, so an unknown name changes nothing.
  function font(value) {
    const name = value.trim();
    if (!/^[\p{L}\p{N}][\p{L}\p{N} -]{0,59}$/u.test(name)) return warn('font', value);
    const generic = /^(serif|sans-serif|monospace|cursive|system-ui|ui-serif|ui-sans-serif|ui-rounded)$/i;
    const stack = getComputedStyle(root).getPropertyValue('--kf-brand-font').trim() || 'sans-serif';
    root.style.setProperty('--kf-brand-font', (generic.test(name) ? name : '"' + name + '"') + ', ' + stack);
  }

  function look() {
    if (query.get('color')) colour(query.get('color'));
    if (query.get('font')) font(query.get('font'));
    // Hidden from the eye only: the page keeps its heading for screen readers.
    if (/^(0|off|false|no|aus)$/i.test(query.get('title') || '')) root.setAttribute(P + 'title', 'off');
  }

  // Keep what takes focus in view: a jump inside the quiz (the error summary's links, a
  // question that asks for its answer) may land below the host page's screen. Focus on what
  // the visitor just pressed or tapped (or its label's answer) is not followed, so the page
  // never moves under the pointer between press and release. Framed by loader.js the host
  // scrolls when the question is not wholly in view (post); otherwise the browser scrolls each
  // box up to the top page as far as needed.
  function follow(post, measure) {
    let pressed = null;
    let when = 0;
    document.addEventListener('pointerdown', (e) => ((pressed = e.target), (when = Date.now())), true);
    document.addEventListener('focusin', (e) => {
      const t = e.target;
      const label = pressed && pressed.closest && pressed.closest('label');
      if (Date.now() - when < 1000 && (pressed.contains(t) || (label && label.control === t))) return;
      const el = t.closest('fieldset') || t;
      const r = el.getBoundingClientRect();
      if (post) post({ height: measure(), top: r.top, bottom: r.bottom });
      else el.scrollIntoView({ block: 'nearest' });
    });
  }

  // On an embed page (html[data-kf-embed]) in an iframe. Framed by loader.js: report the page's
  // height, each result and event and what to scroll into view to the host page, whose origin the loader
  // passed as ?host=, to that exact origin only (never "*"), so no other page can read them.
  // Framed by WordPress (oEmbed): wp-embed.js sizes its sandboxed iframe (200 to 1000 px) when
  // told {message: 'height', value, secret} with the secret it put in our address (#?secret=);
  // the sandbox has no origin to name, so '*' (the height is no secret), and it follows links
  // to our own site for us (the sandbox may not navigate the top page).
  function embed() {
    const host = query.get('host') || '';
    const secret = (/secret=([a-zA-Z0-9]+)/.exec(location.hash) || [])[1];
    const parent = window.parent;
    let origin = '';
    try {
      origin = new URL(host).origin;
    } catch (e) {
      // No host (a plain iframe, or WordPress): see below.
    }
    if (parent === window) return;
    let post;
    let last = 0;
    const measure = () => (last = Math.ceil(root.getBoundingClientRect().height));
    if (!window.ResizeObserver || !window.Kundenfit) return follow();
    if (origin && origin === host) {
      post = (data) => parent.postMessage(Object.assign({ kundenfit: 1 }, data), origin);
      root.setAttribute(P + 'sized', ''); // kundenfit-embed.css: no inner scrollbar from now on
      window.Kundenfit.hostScroll = (top, bottom) => post({ height: measure(), top, bottom });
      document.addEventListener(EVENT, (e) => post({ result: e.detail }));
      // start, complete and lead: the loader dispatches them again on its placeholder.
      ['start', 'complete', 'lead'].forEach((name) =>
        document.addEventListener('kundenfit:' + name, (e) => post({ event: name, detail: e.detail }))
      );
      follow(post, measure);
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
      follow();
    } else return follow();
    const size = () => last !== measure() && post({ height: last });
    new ResizeObserver(size).observe(root); // also on window resizes: the width changes
    post({ height: measure() });
  }

  if (!root.hasAttribute(P + 'embed')) return;
  look();
  // kundenfit.js (deferred) has run by then.
  document.addEventListener('DOMContentLoaded', embed);
})();
