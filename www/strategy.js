// @ts-check
/**
 * The dashboard's strategy panel: write the strategy from a template, edit the file with
 * every problem shown as you type, import a colleague's file, export yours, save it, and
 * see each KPI's status now.
 *
 * The core checks the text on every change (`checkStrategy`: each problem with its JSON
 * path, the value, why and what to do) and evaluates the saved strategy against the store
 * (`evaluateStrategy`); this module wires inputs to those calls and shows their answers.
 * Only a valid strategy is saved (strategy-store.js). Every node is built with
 * createElement and textContent; strings come from strategy-strings.js.
 */
import { core } from './core.js';
import { ensureStyles } from './kpi-view.js';
import { element } from './render.js';
import { readStore } from './storage.js';
import { loadStrategy, removeStrategy, saveStrategy } from './strategy-store.js';
import { TEMPLATE_TITLES, loadStrings, readSettings, saveLanguage } from './strategy-strings.js';

/**
 * @typedef {{path: string, value: string, why: string, fix: string}} Problem
 * @typedef {{valid: boolean, problems: Problem[], strategy: any, text: string | null, objectives: number, kpis: number}} Checked
 */

const section = /** @type {HTMLElement} */ (document.getElementById('strategy'));
const yardstick = await core();

/** How long typing may pause before the text is checked again. */
const CHECK_DELAY_MS = 120;

/** @type {Checked | null} */
let checked = null;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let pending;

/** Today's date (YYYY-MM-DD) in UTC, for templates whose campaign starts today. */
function today() {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Builds the panel in the chosen language, with `text` (or else the saved strategy) in the
 * editor.
 * @param {string} [text]
 */
async function build(text) {
  ensureStyles();
  const s = await loadStrings();
  const settings = await readSettings();
  const saved = await loadStrategy();

  const languageSelect = element('select', { attrs: { id: 'strategy-language' } }, [
    element('option', { text: s.t('automatic'), attrs: { value: 'auto' } }),
    element('option', { text: 'English', attrs: { value: 'en', lang: 'en' } }),
    element('option', { text: 'Nederlands', attrs: { value: 'nl', lang: 'nl' } }),
  ]);
  languageSelect.value = settings.language === 'en' || settings.language === 'nl' ? settings.language : 'auto';
  languageSelect.addEventListener('change', async () => {
    await saveLanguage(languageSelect.value);
    await build(editor.value);
  });

  /** @type {{id: string, description: string}[]} */
  const templates = yardstick.strategyTemplates();
  const templateSelect = element(
    'select',
    { attrs: { id: 'strategy-template' } },
    templates.map((template) =>
      element('option', {
        text: TEMPLATE_TITLES[template.id] ? s.t(TEMPLATE_TITLES[template.id]) : template.id,
        attrs: { value: template.id, title: template.description },
      }),
    ),
  );
  const useTemplate = element('button', { text: s.t('useTemplate'), attrs: { type: 'button', id: 'strategy-use-template' } });
  const fileInput = element('input', { attrs: { type: 'file', accept: '.json,application/json', id: 'strategy-file' } });
  const exportButton = element('button', { text: s.t('exportFile'), attrs: { type: 'button', id: 'strategy-export' } });
  const saveButton = element('button', { text: s.t('save'), attrs: { type: 'button', id: 'strategy-save' } });
  const removeButton = element('button', { text: s.t('remove'), attrs: { type: 'button', id: 'strategy-remove' } });
  const editor = element('textarea', { attrs: { id: 'strategy-text', spellcheck: 'false', 'aria-describedby': 'strategy-verdict' } });
  const verdict = element('p', { className: 'verdict', attrs: { id: 'strategy-verdict', 'aria-live': 'polite' } });
  const problems = element('ul', { className: 'problems', attrs: { id: 'strategy-problems' } });
  const message = element('p', { className: 'message', attrs: { id: 'strategy-message', role: 'status' } });
  const summary = element('div', { className: 'summary', attrs: { id: 'strategy-summary' } });

  editor.value = text ?? saved?.text ?? '';
  const panel = element('div', { className: 'strategy-editor', attrs: { lang: s.language } }, [
    element('div', { className: 'toolbar' }, [
      element('h2', { text: s.t('strategy') }),
      element('label', { text: `${s.t('language')} `, attrs: { for: 'strategy-language' } }),
      languageSelect,
    ]),
    element('p', { className: 'muted', text: s.t('editorIntro') }),
    element('div', { className: 'toolbar' }, [
      element('label', { text: `${s.t('template')} `, attrs: { for: 'strategy-template' } }),
      templateSelect,
      useTemplate,
    ]),
    element('div', { className: 'toolbar' }, [
      element('label', { text: `${s.t('importFile')} `, attrs: { for: 'strategy-file' } }),
      fileInput,
      exportButton,
      saveButton,
      removeButton,
    ]),
    element('label', { text: s.t('fileLabel'), attrs: { for: 'strategy-text' } }),
    editor,
    verdict,
    problems,
    message,
    summary,
  ]);
  section.replaceChildren(panel);

  /** Checks the editor's text with the core and shows the verdict and every problem. */
  function check() {
    const text = editor.value;
    if (text.trim() === '') {
      checked = null;
      verdict.textContent = '';
      verdict.className = 'verdict';
      problems.replaceChildren();
      saveButton.disabled = true;
      exportButton.disabled = true;
      return;
    }
    checked = /** @type {Checked} */ (yardstick.checkStrategy(text));
    verdict.className = `verdict ${checked.valid ? 'valid' : 'invalid'}`;
    verdict.dataset.valid = String(checked.valid);
    verdict.textContent = checked.valid
      ? `${s.t('valid')}: ${checked.objectives} ${s.t('objectives')}, ${checked.kpis} ${s.t('kpis')}`
      : `${checked.problems.length} ${s.t('problems')}`;
    problems.replaceChildren(...checked.problems.map((problem) => problemItem(problem, s)));
    saveButton.disabled = !checked.valid;
    exportButton.disabled = !checked.valid;
    if (!checked.valid) message.textContent = s.t('cannotSaveInvalid');
    else if (checked.text !== saved?.text) message.textContent = s.t('unsaved');
    else message.textContent = '';
  }

  editor.addEventListener('input', () => {
    clearTimeout(pending);
    pending = setTimeout(check, CHECK_DELAY_MS);
  });
  useTemplate.addEventListener('click', () => {
    editor.value = yardstick.strategyFromTemplate(templateSelect.value, today());
    check();
    editor.focus();
  });
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    editor.value = await file.text();
    fileInput.value = '';
    check();
  });
  exportButton.addEventListener('click', () => {
    if (!checked?.valid || !checked.text) return;
    const name = String(checked.strategy?.name ?? 'strategy')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const url = URL.createObjectURL(new Blob([checked.text], { type: 'application/json' }));
    const link = element('a', { attrs: { href: url, download: `${name || 'strategy'}.yardstick.json` } });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  saveButton.addEventListener('click', async () => {
    check();
    if (!checked?.valid || !checked.text) return;
    await saveStrategy(checked.text);
    editor.value = checked.text;
    message.textContent = s.t('saved');
    message.dataset.saved = String(Date.now());
    await showSummary(summary, checked.text, s);
  });
  removeButton.addEventListener('click', async () => {
    await removeStrategy();
    editor.value = '';
    check();
    summary.replaceChildren();
    message.textContent = s.t('removed');
  });

  check();
  if (saved) await showSummary(summary, saved.text, s);
  section.dataset.ready = String(Date.now());
}

/**
 * One problem: where, what was found, why, and what to do.
 * @param {Problem} problem
 * @param {import('./strategy-strings.js').Strings} s
 */
function problemItem(problem, s) {
  return element('li', { attrs: { 'data-path': problem.path } }, [
    element('code', { text: problem.path || s.t('wholeFile') }),
    element('span', { text: problem.value ? ` = ${problem.value}` : '' }),
    element('span', { text: ` — ${problem.why}. ` }),
    element('span', { className: 'muted', text: `${s.t('fieldFix')}: ${problem.fix}.` }),
  ]);
}

/**
 * The saved strategy's KPIs with their status now.
 * @param {HTMLElement} container
 * @param {string} text
 * @param {import('./strategy-strings.js').Strings} s
 */
async function showSummary(container, text, s) {
  /** @type {{kpis: {kpi: string, title?: string, metric: string, period: {label: string}, target: number, actual: number | null, unit?: string, status: string}[]}} */
  const evaluation = yardstick.evaluateStrategy(text, await readStore(), new Date().toISOString());
  const rows = evaluation.kpis.map((kpi) =>
    element('tr', { attrs: { 'data-kpi': kpi.kpi, 'data-status': kpi.status } }, [
      element('td', { text: kpi.title ?? kpi.metric }),
      element('td', { text: kpi.period.label }),
      element('td', { className: 'number', text: kpi.actual === null ? '–' : s.value(kpi.actual, kpi.unit) }),
      element('td', { className: 'number', text: s.value(kpi.target, kpi.unit) }),
      element('td', { text: s.t(/** @type {any} */ (kpi.status)) }),
    ]),
  );
  container.replaceChildren(
    element('table', {}, [
      element('thead', {}, [
        element('tr', {}, [s.t('kpis'), s.t('period'), s.t('current'), s.t('target'), s.t('status')].map((text) => element('th', { text, attrs: { scope: 'col' } }))),
      ]),
      element('tbody', {}, rows),
    ]),
  );
}

await build();
