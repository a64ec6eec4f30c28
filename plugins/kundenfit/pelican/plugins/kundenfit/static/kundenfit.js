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
  // The best points among `list`, 0 when it is empty (Python's max(..., default=0)).
  const most = (list) => (list.length ? Math.max(...list.map((a) => a.points)) : 0);
  // window.Kundenfit; in an iframe sized by loader.js, kundenfit-frame.js sets its hostScroll.
  const api = {};
  // Copy `text`, then call `done`; without clipboard access focus `el` to be copied by hand.
  const copy = (text, done, el) => {
    const fail = () => el && el.focus();
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, fail);
    else fail();
  };

  /**
   * Score `answers` (one answer index per rule, in quiz order) for the quiz `data`.
   * Returns the same fields as the Python Result: outcome, total, max_total, subscores
   * ({topic: [got, max]}), capped_by, weak (rule ids in quiz order), open (questions left
   * open), tied (profile outcomes sharing the top, when more than one), warnings (rule ids
   * of the warning signs given) and provisional (more than half of a score quiz left open).
   */
  function score(data, answers) {
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
    const open = rules.length - done.length;
    const res = { subscores: {}, capped_by: [], weak, open, tied: [], warnings: [], provisional: false };
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
    // The bands scale to the questions answered (scoring._band_position); below all: worst;
    // nothing answered: the second outcome.
    let position = max ? outcomes.findIndex((o) => o.low !== null && total * full >= o.low * max) : Math.min(1, outcomes.length - 1);
    if (position < 0) position = outcomes.length - 1;
    const at = (id) => outcomes.findIndex((o) => o.id === id);
    got.forEach((a, i) => {
      if (a.warning) res.warnings.push(done[i].id);
      if (a.cap == null) return;
      res.capped_by.push(done[i].id);
      // Outcomes are listed best first, so the worst cap (the latest position) wins.
      position = Math.max(position, at(a.cap));
    });
    data.knockouts.forEach((k) => {
      if (res.capped_by.length >= k.count) position = Math.max(position, at(k.outcome));
    });
    // A warning sign keeps the first outcome out of reach; warnings_to_bottom of them: the last.
    const w = res.warnings.length;
    if (w) position = Math.max(position, Math.min(1, outcomes.length - 1));
    // (warnings_to_bottom may be null, and `w >= null` holds in JavaScript.)
    if (data.warnings_to_bottom && w >= data.warnings_to_bottom) position = outcomes.length - 1;
    data.topics.forEach((topic) => {
      const mine = done.filter((rule) => rule.topic === topic);
      res.subscores[topic] = [sum(mine, (rule) => chosen[rules.indexOf(rule)].points), sum(mine, (rule) => most(rule.answers))];
    });
    return Object.assign(res, { outcome: outcomes[position].id, total, max_total: max, provisional: open * 2 > rules.length });
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
        throw new Error('kundenfit: markup and data differ');
      }
      this.submitButton = this.$('submit');
      this.need = this.$('need');
      this.result = this.$('result');
      this.status = this.$('status');
      this.last = this.fieldsets.length - 1;
      this.step = 0;
      this.listeners = [];
      this.sent = [];
      this.lang = (root.closest('[lang]') || document.documentElement).getAttribute('lang') || '';
      // The next step per outcome and the lead offer: in this quiz, else on the page (quiz_page.html).
      const mine = (name) => {
        const list = this.$$(name);
        return list.length ? list : Array.from(document.querySelectorAll('[' + P + name + ']'));
      };
      this.nextSteps = mine('next-step');
      this.offer = mine('lead-offer')[0];
      this.lead = this.offer && this.offer.querySelector('form[' + P + 'lead]');
      if (this.lead) {
        this.leadAction = this.lead.action;
        this.on(this.lead, 'submit', () => this.emit('lead', this.outcome));
      }
      this.on(this.form, 'submit', (e) => this.submit(e));
      // A sandboxed frame without allow-forms (WordPress's oEmbed iframe) never fires submit.
      this.on(this.form, 'click', (e) => e.target.closest('[type=submit]') && this.submit(e));
      // Only a tap or click on an answer moves on by itself: arrow keys select as they go.
      this.on(this.form, 'pointerdown', () => (this.pointer = 1));
      this.on(this.form, 'keydown', () => (this.pointer = 0));
      this.on(this.form, 'change', (e) => {
        const step = this.step;
        this.asked();
        this.emit('start');
        // A shown result follows changed answers, so it and its link never disagree.
        if (!this.result.hidden) this.show(this.answers(), false);
        else if (this.pointer && step < this.last) setTimeout(() => step === this.step && this.go(step + 1), 300);
      });
      this.on(this.$('back'), 'click', () => this.go(this.step - 1));
      this.on(this.$('restart'), 'click', () => this.restart());
      this.on(this.$('copy'), 'click', () => copy(location.href, () => this.announce(this.text('copied')), this.$('link')));
      // The phone's share sheet where there is one; the plain links beside it work everywhere.
      const native = this.$('native');
      if (native && navigator.share) {
        native.hidden = false;
        this.on(native, 'click', () => navigator.share(this.shared).catch(() => 0));
      }
      this.on(window, 'hashchange', () => this.restore());
      // The scoring key closes behind a button made from its heading (open again in print).
      const key = this.$('key');
      const title = this.$('key-title');
      if (key) {
        const button = document.createElement('button');
        const toggle = () => button.setAttribute('aria-expanded', !key.classList.toggle('kf-off'));
        button.type = 'button';
        button.className = 'kf-key-toggle';
        button.append(...title.childNodes);
        title.append(button);
        toggle();
        this.on(button, 'click', toggle);
      }
      this.$('progress').hidden = false;
      root.classList.add('kf-js');
      root.setAttribute(P + 'ready', '');
      this.go(0, false);
      this.restore();
    }

    /** Show question `n` alone (one step), with its progress; `focus`: by the visitor. */
    go(n, focus = true) {
      n = this.step = Math.max(0, Math.min(n, this.last));
      this.asked();
      this.fieldsets.forEach((fs, i) => fs.classList.toggle('kf-off', i !== n));
      this.$('back').hidden = !n;
      this.$('next').hidden = n === this.last;
      this.submitButton.hidden = n < this.last;
      this.$('step').textContent = this.text('step').replace('{n}', n + 1);
      this.$('fill').style.width = ((n + 1) * 100) / (this.last + 1) + '%';
      if (!focus) return;
      this.reveal(this.form);
      this.fieldsets[n].querySelector('legend').focus({ preventScroll: true });
    }

    // Bring `el` into view (`force`: its top to the screen's top). In an iframe sized by
    // loader.js the frame never scrolls itself (its next resize would undo it): the host does.
    reveal(el, force) {
      const r = el.getBoundingClientRect();
      if (api.hostScroll) api.hostScroll(r.top, force ? 1e9 : r.bottom);
      else if (force || r.top < 0 || r.bottom > innerHeight) el.scrollIntoView();
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

    // `kundenfit:<name>` on the quiz (it bubbles; kundenfit-frame.js passes it to a host page).
    fire(name, detail) {
      this.root.dispatchEvent(new CustomEvent('kundenfit:' + name, { bubbles: true, detail }));
    }

    // start, complete and lead: each once per run (restart begins a new one), in that order.
    emit(name, outcome) {
      if (this.sent.includes(name)) return;
      this.sent.push(name);
      this.fire(name, Object.assign({ quiz: this.id, lang: this.lang }, outcome && { outcome }));
    }

    on(el, type, fn) {
      if (!el) return;
      el.addEventListener(type, fn);
      this.listeners.push([el, type, fn]);
    }

    destroy() {
      this.listeners.forEach(([el, type, fn]) => el.removeEventListener(type, fn));
      this.listeners = [];
      this.root.querySelectorAll('.kf-off').forEach((el) => el.classList.remove('kf-off'));
      ['submit', 'next', 'back', 'progress'].forEach((name) => (this.$(name).hidden = true));
      this.result.hidden = true;
      this.asked();
      this.root.classList.remove('kf-js', 'kf-done');
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
      // Weiter (or Enter) without an answer asks for one right at that question; Auswerten at
      // the first question left open. The message is tied to its question (aria-describedby).
      const n = this.step < this.last ? (answers[this.step] < 0 ? this.step : -1) : answers.indexOf(-1);
      if (n < 0) return this.step < this.last ? this.go(this.step + 1) : this.show(answers, true);
      const fs = this.fieldsets[n];
      this.go(n);
      fs.classList.add('kf-missing');
      fs.setAttribute('aria-describedby', this.need.id);
      fs.querySelector('legend').after(this.need);
      this.need.hidden = false;
      fs.querySelector('input').focus();
    }

    // The question is answered (or left): its request for an answer goes.
    asked() {
      this.need.hidden = true;
      this.fieldsets.forEach((fs) => {
        fs.classList.remove('kf-missing');
        fs.removeAttribute('aria-describedby');
      });
    }

    show(answers, byUser) {
      const res = score(this.data, answers);
      const outcomes = this.data.outcomes;
      const rank = outcomes.findIndex((o) => o.id === res.outcome);
      this.outcome = res.outcome;
      // The outcome's colour (kundenfit.css): outcomes of a score quiz are listed best first.
      this.result.setAttribute(
        P + 'tone',
        this.data.kind === 'profile' ? 'profile' : !rank ? 'good' : rank < outcomes.length - 1 ? 'mid' : 'bad'
      );
      const fmt = (got, max) => this.text('score').replace('{got}', got).replace('{max}', max);
      // A profile tie shows every tied outcome: "zwischen A und B" when they follow one
      // another in the file, "Anzeichen von A und B" when they do not (phase 1 and 4).
      const titles = [];
      const shown = (id) => (res.tied.length ? res.tied.includes(id) : id === res.outcome);
      let apart, prev;
      this.$$('outcome').forEach((panel, n) => {
        const id = panel.getAttribute(P + 'outcome');
        if ((panel.hidden = !shown(id))) return;
        titles.push(panel.getAttribute(P + 'title'));
        apart = apart || n > prev + 1; // prev is undefined for the first: NaN compares false
        prev = n;
      });
      // Further down, the shown outcomes' actions.
      this.$$('for').forEach((el) => (el.hidden = !shown(el.getAttribute(P + 'for'))));
      const last = titles.pop();
      const title = titles.length
        ? this.text(apart ? 'apart' : 'tie').replace('{first}', titles.join(', ')).replace('{last}', last)
        : last;
      this.$('outcome-title').textContent = title;
      // More than half left open: "Vorläufig: …", with the open questions to find out first.
      const label = this.text(res.provisional ? 'provisional' : 'result');
      this.$('result-label').textContent = label;
      const open = this.$('open');
      if (open) {
        open.hidden = !res.open;
        open.textContent = this.text('open').replace('{open}', res.open).replace('{count}', answers.length);
      }
      // The newsletter form (lead_cta.html) sends the outcome in a hidden field.
      this.$$('outcome-field').forEach((field) => (field.value = res.outcome));
      const total = this.$('total');
      if (total) total.textContent = fmt(res.total, res.max_total);
      const pct = this.$('pct');
      if (pct) {
        const n = Math.round(res.max_total ? (100 * res.total) / res.max_total : 0);
        pct.textContent = n + ' %';
        pct.parentNode.style.setProperty('--kf-p', n);
      }
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
      const w = res.warnings.length;
      this.$('warnings').hidden = !reveal('warning', (i, a) => a === answers[i]);
      this.$('warnings-title').textContent = this.text(w > 1 ? 'warnings' : 'warning').replace('{n}', w);
      this.$('finds').hidden = !reveal('find', (i) => res.provisional && this.data.rules[i].answers[answers[i]].open);
      this.$('advices').hidden = !reveal('advice', (i, a) => {
        if (!weak.has(this.data.rules[i].id)) return false;
        // The chosen answer's own advice replaces the rule's advice.
        return a < 0 ? !this.data.rules[i].answers[answers[i]].advice : a === answers[i];
      });
      // The three tips that weigh most show (warning signs and knock-outs, then the points
      // missed; quiz order among equals); the others fold away under "Alle n Hinweise".
      const weight = (li) => {
        const i = this.index.get(li.getAttribute(P + 'advice'));
        const rule = this.data.rules[i];
        const a = rule.answers[answers[i]];
        return a.open ? 0 : (a.warning || a.cap != null ? 99 : 0) + most(rule.answers) - a.points;
      };
      const tips = this.$$('advice').filter((li) => !li.hidden);
      tips.sort((x, y) => weight(y) - weight(x)).forEach((li, k) => this.$(k < 3 ? 'tips' : 'rest').append(li));
      this.$('more').hidden = tips.length < 4;
      this.$('more-title').textContent = this.text('tips').replace('{n}', tips.length);
      // The next step for this outcome right under its text, the lead offer after it, the form
      // sent where this outcome's route says (quiz_page.html renders both; absent: nothing).
      const route = this.lead ? JSON.parse(this.lead.getAttribute(P + 'routes') || '{}')[res.outcome] || {} : {};
      let next;
      this.nextSteps.forEach((el) => {
        el.hidden = el.getAttribute(P + 'next-step') !== res.outcome;
        if (!el.hidden) next = el;
      });
      this.$$('outcome').pop().after(...[next, this.offer].filter(Boolean));
      if (this.lead) this.lead.action = route.action || this.leadAction;
      Object.entries(route.fields || {}).forEach(([name, value]) => {
        let field = this.lead.elements.namedItem(name);
        if (!field) {
          field = this.lead.appendChild(document.createElement('input'));
          field.type = 'hidden';
          field.name = name;
        }
        field.value = value;
      });
      this.writeHash(answers.join('-'));
      const link = this.$('link');
      if (link) link.href = location.href;
      // Sharing shares the outcome's own page (or the quiz's), never the answers in the `#` link.
      const pages = JSON.parse(this.root.getAttribute(P + 'outcome-pages') || '{}');
      const target = new URL(pages[res.outcome] || this.root.getAttribute(P + 'page'), location.href);
      target.hash = '';
      const url = target.href;
      const text = this.text('share').replace('{outcome}', title);
      const enc = encodeURIComponent;
      this.shared = { title: document.title, text, url };
      this.$$('share-to').forEach((a) => {
        a.href = a.getAttribute(P + 'share-to').replace('{url}', enc(url)).replace('{text}', enc(text));
      });
      this.result.hidden = false;
      this.root.classList.add('kf-done');
      if (byUser || document.activeElement === document.body) {
        // Show the result from its top (focus alone scrolls only as far as the heading). Opened
        // from a result link, the heading takes focus without the keyboard's frame (kf-quiet).
        const heading = this.$('result-heading');
        this.reveal(this.result, true);
        heading.classList.toggle('kf-quiet', !byUser);
        heading.focus({ preventScroll: true });
      }
      if (!byUser) return;
      this.announce(label + ': ' + title + (total ? '. ' + total.textContent : ''));
      this.fire('result', { quiz: this.id, outcome: res.outcome, lang: this.lang });
      this.emit('complete', res.outcome);
    }

    restart() {
      this.form.reset();
      this.sent = [];
      this.root.classList.remove('kf-done');
      this.result.hidden = true;
      this.writeHash('');
      this.go(0, false);
      this.reveal(this.form);
      this.fieldsets[0].querySelector('input').focus({ preventScroll: true });
      this.announce(this.text('reset'));
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
      this.go(this.last, false);
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
        console.error(e);
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
        copy(field.value, () => status && (status.textContent = button.getAttribute(P + 'copied')), field);
      };
    });
  }

  if (typeof module !== 'undefined' && module.exports) module.exports = { score };
  if (typeof document !== 'undefined') {
    window.Kundenfit = Object.assign(api, { score, Quiz, instances, init });
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
    else init();
  }
})();
