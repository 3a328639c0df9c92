// The prerendered form (`#shell`, the app's own form for a new report, written
// into index.html at build time by scripts/prerender.mjs) made usable before the
// app's code has loaded. A classic script at the end of the page, so it runs
// before the first paint:
// - fills the last draft's values as the app showed them when it last saved (the
//   `shell` setting the app writes), then the typing it journalled since;
// - takes typing into text boxes and cells, each field journalled exactly as the
//   app journals it (`{ns}:journal:{draft}:{field}` = `{revision}\n{text}`), so
//   the app's replay brings it in; the same entries stay on the page
//   (`data-shell-early`) in case storage refuses them.
// Anything it cannot be sure of — a portal's frame, a page address with
// settings, a draft whose form differs, unreadable storage — and it removes the
// shell: the page then loads as if it had none.
(function () {
  'use strict';
  var shell = document.getElementById('shell');
  if (!shell) return;
  var NS = 'nianbao:';
  // The same selector as FIELDS in src/shell.rs.
  var FIELDS = 'textarea[id], input[id], select[id], .cell-text[id]';
  var store, id, revision = 0, cache = null;

  var message = document.getElementById('boot-message');
  // No shell: the page loads as it would without one, its loading words shown.
  function drop() {
    shell.remove();
    if (message) message.hidden = false;
  }

  try {
    // Only the plain page over http(s): opened as a file the app cannot start (the
    // loading words say why); a portal's frame, settings in the address or another room
    // (#collect) may open other drafts or none.
    if (!/^https?:$/.test(location.protocol) || location.search || location.hash || window.top !== window) return drop();
    store = window.localStorage;
    id = store.getItem(NS + 'last');
    if (id) {
      var draft = JSON.parse(store.getItem(NS + 'draft:' + id));
      cache = JSON.parse(store.getItem(NS + 'setting:shell'));
      if (!draft || !cache || cache.id !== id || cache.revision !== draft.revision) return drop();
      revision = draft.revision;
    } else {
      // A first visit only: drafts without a last one open the newest.
      for (var i = 0; i < store.length; i++) {
        if (store.key(i).indexOf(NS + 'draft:') === 0) return drop();
      }
    }
  } catch (e) {
    return drop();
  }

  var main = shell.querySelector('#main');
  if (!main) return drop();
  var fields = main.querySelectorAll(FIELDS);
  var byId = {};
  var ids = [];
  for (var f = 0; f < fields.length; f++) {
    byId[fields[f].id] = fields[f];
    ids.push(fields[f].id);
  }
  if (cache && cache.structure !== ids.join(',')) return drop();

  function show(el, text) {
    if (el.classList.contains('cell-text')) el.textContent = text;
    else el.value = text;
  }
  if (cache) {
    for (var key in cache.values) if (byId[key]) show(byId[key], cache.values[key]);
    // Typing since that save, as the app will replay it.
    var prefix = NS + 'journal:' + id + ':';
    for (var j = 0; j < store.length; j++) {
      var k = store.key(j);
      if (k.indexOf(prefix) !== 0 || !byId[k.slice(prefix.length)]) continue;
      var entry = store.getItem(k);
      var nl = entry.indexOf('\n');
      if (nl > 0 && Number(entry.slice(0, nl)) === revision) show(byId[k.slice(prefix.length)], entry.slice(nl + 1));
    }
  }

  // What can be typed into: what the journal carries (as the app listed it when
  // it saved; for a first visit, text boxes and the cells that are not totals).
  var allowed = {};
  if (cache) cache.typeable.forEach(function (t) { allowed[t] = true; });
  function typeable(el) {
    if (el.getAttribute('aria-readonly') === 'true') return false;
    if (cache) return allowed[el.id] === true;
    return el.tagName === 'TEXTAREA' || el.classList.contains('cell-text');
  }
  for (var g = 0; g < fields.length; g++) {
    var el = fields[g];
    if (typeable(el)) continue;
    if (el.tagName === 'SELECT') el.disabled = true;
    else if (el.tagName !== 'SPAN') el.readOnly = true;
    else el.removeAttribute('tabindex');
  }
  // The tool bar works once the app has loaded.
  var controls = shell.querySelectorAll('button, input, select');
  for (var b = 0; b < controls.length; b++) if (!main.contains(controls[b])) controls[b].disabled = true;
  var status = document.getElementById('save-status');
  if (cache && status) status.textContent = cache.status;

  var early = {};
  var root = document.documentElement;
  function journal(key, text) {
    early[key] = text;
    root.setAttribute('data-shell-early', JSON.stringify(early));
    try {
      // Once the app has opened its draft (it draws its form behind this one), typing
      // is journalled where the app's own would be: its draft, over the revision stored
      // for it now (0 before its first save; the first "revision" is the draft's own —
      // inside a string its quotes are escaped).
      var app = root.getAttribute('data-app-draft');
      if (app) {
        if (id !== app) {
          id = app;
          store.setItem(NS + 'last', id);
        }
        var stored = store.getItem(NS + 'draft:' + id);
        var head = stored && /"revision":(\d+)/.exec(stored);
        revision = head ? Number(head[1]) : 0;
      } else if (!id) {
        id = Date.now().toString(16) + Math.floor(Math.random() * 1e9).toString(16);
        store.setItem(NS + 'last', id);
      }
      store.setItem(NS + 'journal:' + id + ':' + key, revision + '\n' + text);
    } catch (e) {
      // Kept on the page: the app applies it when it starts.
    }
  }

  // A cell takes the table's editor input, its figure selected, as in the app.
  shell.addEventListener('focusin', function (e) {
    var cell = e.target;
    if (!cell.classList || !cell.classList.contains('cell-text') || !typeable(cell)) return;
    var wrap = cell.closest('.table-wrap');
    var input = wrap && wrap.querySelector('.cell-input');
    if (!input) return;
    input.value = cell.textContent;
    input.setAttribute('aria-label', cell.getAttribute('aria-label') || '');
    input.setAttribute('data-key', cell.id);
    cell.parentNode.appendChild(input);
    cell.hidden = true;
    input.hidden = false;
    input.focus();
    input.select();
  });
  shell.addEventListener('focusout', function (e) {
    var input = e.target;
    if (!input.classList || !input.classList.contains('cell-input')) return;
    input.hidden = true;
    var cell = byId[input.getAttribute('data-key')];
    if (cell) cell.hidden = false;
  });
  // An input method composing here keeps the shell until it commits (the app
  // waits for this mark: taking the field away would cut the composition).
  shell.addEventListener('compositionstart', function () {
    root.setAttribute('data-composing', '');
  });
  shell.addEventListener('compositionend', function () {
    root.removeAttribute('data-composing');
  });
  shell.addEventListener('input', function (e) {
    var t = e.target;
    if (t.classList.contains('cell-input')) {
      var cell = byId[t.getAttribute('data-key')];
      if (!cell) return;
      cell.textContent = t.value;
      journal(cell.id, t.value);
    } else if (t.id && typeable(t)) {
      journal(t.id, t.value);
    }
  });

  if (message) {
    // Still not started: say why it may be (the message says what to check).
    setTimeout(function () {
      if (document.getElementById('shell')) message.hidden = false;
    }, 15000);
  }
})();
