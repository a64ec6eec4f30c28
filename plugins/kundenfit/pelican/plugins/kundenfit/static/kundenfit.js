/*! Kundenfit quiz runtime: scores a self-test in the browser and shows the result. */
/*
 * The page works without this file: every quiz is a printable self-test with its scoring key.
 * This script only enhances it. One instance per element marked `data-kf-quiz`; all texts come
 * from the (already translated) HTML, the scoring data from the quiz's JSON script element.
 * `score()` mirrors kundenfit.scoring.score; tests/unit/test_js_parity.py keeps them equal.
 */
(function () {
  'use strict';

  // Prefix of every attribute this script reads or writes.
  const P = 'data-kf-';
  const EVENT = 'kundenfit:result';

  /**
   * Score `answers` (one answer index per rule, in quiz order) for the quiz `data`.
   * Returns the same fields as the Python Result: outcome, total, max_total, subscores
   * ({topic: [got, max]}), capped_by, weak (rule ids in quiz order), open (questions left
   * open) and tied (profile outcomes sharing the top, when more than one).
   */
  function score(data, answers) {
    // The best points among `list`, 0 when it is empty (Python's max(..., default=0)).
    const most = (list) => (list.length ? Math.max(...list.map((a) => a.points)) : 0);
    const sum = (list, f) => list.reduce((s, x) => s + f(x), 0);
    const outcomes = data.outcomes;
    const rules = data.rules;
    const chosen = rules.map((rule, i) => rule.answers[answers[i]]);
    const weak = rules
      .filter((rule, i) => (!chosen[i].open && chosen[i].points < most(rule.answers)) || chosen[i].advice)
      .map((rule) => rule.id);
    // An open answer ("not yet") counts neither for nor against.
    const done = rules.filter((rule, i) => !chosen[i].open);
    const got = done.map((rule) => chosen[rules.indexOf(rule)]);
    const res = { subscores: {}, capped_by: [], weak, open: rules.length - done.length, tied: [] };
    if (data.kind === 'profile') {
      // Each answer adds its points to its profile; most points wins, the first listed leads.
      const sums = new Map(outcomes.map((o) => [o.id, 0]));
      got.forEach((a) => {
        if (sums.has(a.profile)) sums.set(a.profile, sums.get(a.profile) + a.points);
      });
      const top = Math.max(...sums.values());
      const tied = outcomes.filter((o) => top && sums.get(o.id) === top).map((o) => o.id);
      // max_total: the most points a single profile can collect (scoring.profile_max_total).
      const reach = outcomes.map((o) => sum(rules, (rule) => most(rule.answers.filter((a) => a.profile === o.id))));
      return Object.assign(res, {
        outcome: outcomes.find((o) => sums.get(o.id) === top).id,
        total: top,
        max_total: Math.max(0, ...reach),
        tied: tied.length > 1 ? tied : [],
      });
    }
    const total = sum(got, (a) => a.points);
    const max = sum(done, (rule) => most(rule.answers));
    const full = sum(rules, (rule) => most(rule.answers));
    // The bands scale to the questions answered (scoring._band_position); below all: worst.
    let position = outcomes.findIndex((o) => max && o.low !== null && total * full >= o.low * max);
    if (position < 0) position = outcomes.length - 1;
    const at = (id) => outcomes.findIndex((o) => o.id === id);
    got.forEach((a, i) => {
      if (a.cap == null) return;
      res.capped_by.push(done[i].id);
      // Outcomes are listed best first, so the worst cap (the latest position) wins.
      position = Math.max(position, at(a.cap));
    });
    data.knockouts.forEach((k) => {
      if (res.capped_by.length >= k.count) position = Math.max(position, at(k.outcome));
    });
    data.topics.forEach((topic) => {
      const mine = done.filter((rule) => rule.topic === topic);
      res.subscores[topic] = [sum(mine, (rule) => chosen[rules.indexOf(rule)].points), sum(mine, (rule) => most(rule.answers))];
    });
    return Object.assign(res, { outcome: outcomes[position].id, total, max_total: max });
  }

  /** One interactive quiz on the page; `destroy()` restores the plain self-test. */
  class Quiz {
    constructor(root) {
      this.root = root;
      this.data = JSON.parse(root.querySelector('script.kf-quiz-data').textContent);
      this.id = this.data.id;
      this.key = 'kf-' + encodeURIComponent(this.id);
      this.index = new Map(this.data.rules.map((r, i) => [r.id, i]));
      this.form = root.querySelector('form');
      this.fieldsets = Array.from(root.querySelectorAll('fieldset[' + P + 'rule]'));
      if (!this.form || this.fieldsets.length !== this.data.rules.length) {
        throw new Error('kundenfit: the quiz markup does not match its data');
      }
      this.submitButton = this.$('submit');
      this.errors = this.$('errors');
      this.result = this.$('result');
      this.status = this.$('status');
      this.listeners = [];
      this.on(this.form, 'submit', (e) => this.submit(e));
      this.on(this.form, 'change', (e) => {
        const fs = e.target.closest('fieldset');
        if (fs) fs.classList.remove('kf-missing');
        // A shown result follows changed answers, so it and its link never disagree.
        if (!this.result.hidden) this.show(this.answers(), false);
      });
      this.on(this.errors, 'click', (e) => this.jump(e));
      this.on(this.$('restart'), 'click', () => this.restart());
      this.on(this.$('copy'), 'click', () => this.copy());
      this.on(window, 'hashchange', () => this.restore());
      this.submitButton.hidden = false;
      root.classList.add('kf-js');
      root.setAttribute(P + 'ready', '');
      this.restore();
    }

    $(name) {
      return this.root.querySelector('[' + P + name + ']');
    }

    $$(name) {
      return Array.from(this.root.querySelectorAll('[' + P + name + ']'));
    }

    text(name) {
      return this.root.getAttribute(P + 'text-' + name) || '';
    }

    on(el, type, fn) {
      if (!el) return;
      el.addEventListener(type, fn);
      this.listeners.push([el, type, fn]);
    }

    destroy() {
      this.listeners.forEach(([el, type, fn]) => el.removeEventListener(type, fn));
      this.listeners = [];
      this.submitButton.hidden = true;
      this.result.hidden = true;
      this.errors.hidden = true;
      this.fieldsets.forEach((fs) => fs.classList.remove('kf-missing'));
      this.root.classList.remove('kf-js');
      this.root.removeAttribute(P + 'ready');
    }

    answers() {
      return this.fieldsets.map((fs) => {
        const checked = fs.querySelector('input[type=radio]:checked');
        return checked ? Number(checked.value) : -1;
      });
    }

    submit(event) {
      event.preventDefault();
      const answers = this.answers();
      const missing = this.fieldsets.filter((fs, i) => answers[i] < 0);
      if (missing.length) this.showErrors(missing);
      else this.show(answers, true);
    }

    showErrors(missing) {
      const list = this.errors.querySelector('ul');
      list.textContent = '';
      missing.forEach((fs) => {
        fs.classList.add('kf-missing');
        const link = document.createElement('a');
        link.href = '#' + fs.id;
        link.setAttribute(P + 'goto', this.fieldsets.indexOf(fs));
        const legend = fs.querySelector('legend');
        link.textContent = (legend ? legend.textContent : fs.id).replace(/\s+/g, ' ').trim();
        const item = document.createElement('li');
        item.appendChild(link);
        list.appendChild(item);
      });
      this.result.hidden = true;
      this.errors.hidden = false;
      this.errors.focus();
    }

    // The error links would replace the URL hash that holds the answers, so move focus
    // to the question ourselves (as the GOV.UK error summary does) instead of navigating.
    jump(event) {
      const link = event.target.closest('[' + P + 'goto]');
      if (!link) return;
      event.preventDefault();
      const fs = this.fieldsets[Number(link.getAttribute(P + 'goto'))];
      const input = fs.querySelector('input:checked') || fs.querySelector('input');
      fs.scrollIntoView();
      if (input) input.focus({ preventScroll: true });
    }

    show(answers, byUser) {
      const res = score(this.data, answers);
      const fmt = (got, max) => this.text('score').replace('{got}', got).replace('{max}', max);
      // A profile tie shows every tied outcome: "zwischen A und B".
      const titles = [];
      this.$$('outcome').forEach((panel) => {
        const id = panel.getAttribute(P + 'outcome');
        panel.hidden = !(res.tied.length ? res.tied.includes(id) : id === res.outcome);
        if (!panel.hidden) titles.push(panel.getAttribute(P + 'title'));
      });
      const last = titles.pop();
      const title = titles.length
        ? this.text('tie').replace('{first}', titles.join(', ')).replace('{last}', last)
        : last;
      this.$('outcome-title').textContent = title;
      const open = this.$('open');
      if (open) {
        open.hidden = !res.open;
        open.textContent = this.text('open').replace('{open}', res.open).replace('{count}', answers.length);
      }
      // The newsletter form (lead_cta.html) sends the outcome in a hidden field.
      this.$$('outcome-field').forEach((field) => (field.value = res.outcome));
      const total = this.$('total');
      if (total) total.textContent = fmt(res.total, res.max_total);
      this.$$('topic').forEach((item) => {
        const sub = res.subscores[item.getAttribute(P + 'topic')];
        item.hidden = !sub;
        if (!sub) return;
        item.querySelector('[' + P + 'score]').textContent = fmt(sub[0], sub[1]);
        const bar = item.querySelector('.kf-bar-fill');
        if (bar) bar.style.width = (sub[1] > 0 ? Math.max(0, Math.min(1, sub[0] / sub[1])) * 100 : 0) + '%';
      });
      // Knock-out notes and advice are rendered per rule (and per answer) and only revealed.
      const reveal = (name, test) => {
        let shown = 0;
        this.$$(name).forEach((el) => {
          const i = this.index.get(el.getAttribute(P + name));
          const answer = el.hasAttribute(P + 'answer') ? Number(el.getAttribute(P + 'answer')) : -1;
          el.hidden = !(i !== undefined && test(i, answer));
          if (!el.hidden) shown++;
        });
        return shown;
      };
      const weak = new Set(res.weak);
      this.$('caps').hidden = !reveal('cap', (i, a) => a === answers[i]);
      this.$('advices').hidden = !reveal('advice', (i, a) => {
        if (!weak.has(this.data.rules[i].id)) return false;
        // The chosen answer's own advice replaces the rule's advice.
        return a < 0 ? !this.data.rules[i].answers[answers[i]].advice : a === answers[i];
      });
      this.writeHash(answers.join('-'));
      const link = this.$('link');
      if (link) link.href = location.href;
      this.errors.hidden = true;
      this.result.hidden = false;
      if (byUser || document.activeElement === document.body) {
        // Show the result from its top (focus alone scrolls only as far as the heading).
        this.result.scrollIntoView({ block: 'start' });
        this.$('result-heading').focus({ preventScroll: true });
      }
      if (!byUser) return;
      this.announce(this.text('result') + ': ' + title + (total ? '. ' + total.textContent : ''));
      const lang = (this.root.closest('[lang]') || document.documentElement).getAttribute('lang') || '';
      this.root.dispatchEvent(
        new CustomEvent(EVENT, { bubbles: true, detail: { quiz: this.id, outcome: res.outcome, lang } })
      );
    }

    restart() {
      this.form.reset();
      this.fieldsets.forEach((fs) => fs.classList.remove('kf-missing'));
      this.result.hidden = true;
      this.errors.hidden = true;
      this.writeHash('');
      this.fieldsets[0].querySelector('input').focus();
      this.announce(this.text('reset'));
    }

    copy() {
      const done = () => this.announce(this.text('copied'));
      const link = this.$('link');
      // Without clipboard access, focus the link so it can be copied by hand.
      const fallback = () => link && link.focus();
      if (navigator.clipboard) navigator.clipboard.writeText(location.href).then(done, fallback);
      else fallback();
    }

    announce(message) {
      // Clear first so that the same message twice is announced twice.
      this.status.textContent = '';
      setTimeout(() => {
        this.status.textContent = message;
      }, 50);
    }

    // The hash holds `kf-<quiz id>=<answer>-<answer>-…` per quiz, joined by `&`, so several
    // quizzes on one page keep their own answers and a copied URL reproduces every result.
    hashParts() {
      return location.hash.slice(1).split('&').filter(Boolean);
    }

    writeHash(value) {
      const parts = this.hashParts().filter((p) => p.split('=')[0] !== this.key);
      if (value) parts.push(this.key + '=' + value);
      const url = location.pathname + location.search + (parts.length ? '#' + parts.join('&') : '');
      try {
        history.replaceState(history.state, '', url);
      } catch (e) {
        // Some file:// contexts refuse replaceState; the result still shows.
      }
    }

    restore() {
      const part = this.hashParts().find((p) => p.split('=')[0] === this.key);
      if (!part) return;
      const value = part.slice(this.key.length + 1);
      const answers = value.split('-').map(Number);
      const valid =
        /^\d+(-\d+)*$/.test(value) &&
        answers.length === this.data.rules.length &&
        answers.every((a, i) => a < this.data.rules[i].answers.length);
      if (!valid || (!this.result.hidden && answers.join() === this.answers().join())) return;
      this.fieldsets.forEach((fs, i) => {
        fs.querySelectorAll('input[type=radio]').forEach((r) => {
          r.checked = Number(r.value) === answers[i];
        });
      });
      this.show(answers, false);
    }
  }

  const instances = [];

  function init() {
    document.querySelectorAll('[' + P + 'quiz]:not([' + P + 'ready])').forEach((el) => {
      try {
        instances.push(new Quiz(el));
      } catch (e) {
        // Leave the plain self-test in place rather than half an interactive quiz.
        if (window.console) console.error(e);
      }
    });
    document.querySelectorAll('[' + P + 'print]').forEach((button) => {
      button.hidden = false;
      button.onclick = () => window.print();
    });
    // Copy buttons for the embed code on quiz pages; the code stays selectable by hand.
    document.querySelectorAll('[' + P + 'copy-from]').forEach((button) => {
      const field = document.getElementById(button.getAttribute(P + 'copy-from'));
      const status = button.parentNode.querySelector('[role=status]');
      if (!field) return;
      button.hidden = false;
      button.onclick = () => {
        field.select();
        const done = () => status && (status.textContent = button.getAttribute(P + 'copied'));
        if (navigator.clipboard) navigator.clipboard.writeText(field.value).then(done, () => field.focus());
        else field.focus();
      };
    });
  }

  // On an embed page (html[data-kf-embed]) framed by loader.js: report the page's height and
  // each result to the host page, whose origin the loader passed as ?host=. Messages go to that
  // exact origin only (never "*"), so no other page can read them.
  function embed() {
    const host = new URLSearchParams(location.search).get('host') || '';
    let origin = '';
    try {
      origin = new URL(host).origin;
    } catch (e) {
      return;
    }
    if (origin !== host || window.parent === window || !window.ResizeObserver) return;
    const root = document.documentElement;
    const post = (data) => window.parent.postMessage(Object.assign({ kundenfit: 1 }, data), origin);
    let last = 0;
    const size = () => {
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height !== last) post({ height: (last = height) });
    };
    root.setAttribute(P + 'sized', ''); // kundenfit-embed.css: no inner scrollbar from now on
    new ResizeObserver(size).observe(root);
    window.addEventListener('resize', size);
    document.addEventListener(EVENT, (e) => {
      size();
      post({ result: e.detail });
    });
    size();
  }

  if (typeof module !== 'undefined' && module.exports) module.exports = { score };
  if (typeof document !== 'undefined') {
    window.Kundenfit = { score, Quiz, instances, init };
    if (document.documentElement.hasAttribute(P + 'embed')) embed();
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
    else init();
  }
})();
