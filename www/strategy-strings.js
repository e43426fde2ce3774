// @ts-check
/**
 * The strategy's user-interface strings in English and Dutch, in one table, and the choice
 * of language: the user's setting (`yardstick-settings.language` in chrome.storage.local,
 * set in the dashboard) or else the browser's language (`navigator.language`).
 *
 * Every text the strategy editor, the overlay's KPI view and the popup's status show comes
 * from here; numbers and dates are formatted here in the chosen language. Nothing here
 * reads the strategy or the store.
 */
import { ext } from './ext.js';

/** chrome.storage.local key of the user's settings. */
export const SETTINGS_KEY = 'yardstick-settings';

/** The languages the strategy's interface speaks. */
export const LANGUAGES = /** @type {const} */ (['en', 'nl']);

/** @typedef {'en' | 'nl'} Language */

const TABLE = /** @type {const} */ ({
  strategy: { en: 'Strategy', nl: 'Strategie' },
  noStrategy: { en: 'No strategy yet.', nl: 'Nog geen strategie.' },
  writeOne: { en: 'Write one in the dashboard', nl: 'Schrijf er een in het dashboard' },
  noKpisHere: { en: 'No KPI of the strategy concerns this platform.', nl: 'Geen KPI van de strategie gaat over dit platform.' },
  thisPlatform: { en: 'This platform', nl: 'Dit platform' },
  allPlatforms: { en: 'Across platforms', nl: 'Over platforms heen' },
  collapse: { en: 'Hide the KPIs', nl: 'KPI’s verbergen' },
  expand: { en: 'Show the KPIs', nl: 'KPI’s tonen' },
  of: { en: 'of', nl: 'van' },
  expected: { en: 'expected by now', nl: 'verwacht op dit moment' },
  forecast: { en: 'forecast', nl: 'prognose' },
  interval: { en: '80% interval', nl: '80%-interval' },
  dataThrough: { en: 'data through', nl: 'gegevens t/m' },
  daysCovered: { en: 'days with data', nl: 'dagen met gegevens' },
  previous: { en: 'Previous period', nl: 'Vorige periode' },
  provisional: { en: 'so far', nl: 'voorlopig' },
  lowerIsBetter: { en: 'lower is better', nl: 'lager is beter' },
  period: { en: 'Period', nl: 'Periode' },
  couldNotEvaluate: { en: 'Could not evaluate the strategy', nl: 'De strategie kon niet worden beoordeeld' },
  // Statuses.
  not_started: { en: 'Not started', nl: 'Nog niet begonnen' },
  no_data: { en: 'No data', nl: 'Geen gegevens' },
  partial_data: { en: 'Partial data', nl: 'Gedeeltelijke gegevens' },
  on_track: { en: 'On track', nl: 'Op koers' },
  at_risk: { en: 'At risk', nl: 'Risico' },
  off_track: { en: 'Off track', nl: 'Uit koers' },
  achieved: { en: 'Achieved', nl: 'Behaald' },
  missed: { en: 'Missed', nl: 'Niet behaald' },
  // Popup.
  statusHere: { en: 'KPIs for this platform', nl: 'KPI’s voor dit platform' },
  // Editor.
  editorIntro: {
    en: 'Objectives and KPI targets, kept in this browser only. Start from a template, import a file a colleague shared, or edit below; every change is checked as you type.',
    nl: 'Doelstellingen en KPI-doelen, alleen in deze browser bewaard. Begin met een sjabloon, importeer een bestand van een collega of bewerk hieronder; elke wijziging wordt direct gecontroleerd.',
  },
  template: { en: 'Template', nl: 'Sjabloon' },
  useTemplate: { en: 'Start from this template', nl: 'Begin met dit sjabloon' },
  importFile: { en: 'Import a strategy file', nl: 'Strategiebestand importeren' },
  exportFile: { en: 'Export', nl: 'Exporteren' },
  save: { en: 'Save', nl: 'Opslaan' },
  saved: { en: 'Saved.', nl: 'Opgeslagen.' },
  remove: { en: 'Remove the strategy', nl: 'Strategie verwijderen' },
  removed: { en: 'The strategy was removed.', nl: 'De strategie is verwijderd.' },
  fileLabel: { en: 'Strategy file (JSON)', nl: 'Strategiebestand (JSON)' },
  valid: { en: 'Valid', nl: 'Geldig' },
  problems: { en: 'problems', nl: 'problemen' },
  objectives: { en: 'objectives', nl: 'doelstellingen' },
  kpis: { en: 'KPIs', nl: 'KPI’s' },
  unsaved: { en: 'Not saved yet.', nl: 'Nog niet opgeslagen.' },
  cannotSaveInvalid: { en: 'Fix the problems to save.', nl: 'Los de problemen op om op te slaan.' },
  language: { en: 'Language', nl: 'Taal' },
  automatic: { en: 'As the browser', nl: 'Zoals de browser' },
  current: { en: 'Now', nl: 'Nu' },
  target: { en: 'Target', nl: 'Doel' },
  status: { en: 'Status', nl: 'Status' },
  fieldWhy: { en: 'why', nl: 'waarom' },
  fieldFix: { en: 'what to do', nl: 'wat te doen' },
  wholeFile: { en: 'the file', nl: 'het bestand' },
  tplBrandAwareness: { en: 'Brand awareness', nl: 'Naamsbekendheid' },
  tplEngagement: { en: 'Engagement', nl: 'Betrokkenheid' },
  tplCommunityGrowth: { en: 'Community growth', nl: 'Groei van de community' },
  tplTraffic: { en: 'Traffic', nl: 'Verkeer naar de site' },
  tplCampaign: { en: 'A campaign', nl: 'Een campagne' },
});

/** @typedef {keyof typeof TABLE} StringKey */

/** Template ids and their title strings. */
export const TEMPLATE_TITLES = /** @type {Record<string, StringKey>} */ ({
  'brand-awareness': 'tplBrandAwareness',
  engagement: 'tplEngagement',
  'community-growth': 'tplCommunityGrowth',
  traffic: 'tplTraffic',
  campaign: 'tplCampaign',
});

/**
 * The language to speak: the setting when it names one, else the browser's.
 * @param {unknown} setting
 * @param {string} browserLanguage
 * @returns {Language}
 */
export function chooseLanguage(setting, browserLanguage) {
  if (setting === 'en' || setting === 'nl') return setting;
  return browserLanguage.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** The user's settings. @returns {Promise<{language?: string}>} */
export async function readSettings() {
  const stored = await ext.storage.local.get(SETTINGS_KEY);
  const value = stored[SETTINGS_KEY];
  return typeof value === 'object' && value !== null ? value : {};
}

/**
 * Saves the language setting (`auto` follows the browser).
 * @param {string} language
 */
export async function saveLanguage(language) {
  const settings = await readSettings();
  await ext.storage.local.set({ [SETTINGS_KEY]: { ...settings, language } });
}

/**
 * The strings and formatters in the chosen language.
 * @returns {Promise<Strings>}
 */
export async function loadStrings() {
  const settings = await readSettings();
  return stringsFor(chooseLanguage(settings.language, navigator.language));
}

/**
 * @typedef {ReturnType<typeof stringsFor>} Strings
 */

/**
 * The strings and formatters of one language.
 * @param {Language} language
 */
export function stringsFor(language) {
  const numbers = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const whole = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return {
    language,
    /** @param {StringKey} key */
    t(key) {
      return TABLE[key][language];
    },
    /**
     * A KPI value in its unit: a ratio as a percentage, counts without decimals when large.
     * @param {number} value
     * @param {string | undefined} unit
     */
    value(value, unit) {
      if (unit === 'ratio') return percent.format(value);
      if (unit === 'seconds') return `${numbers.format(value)} s`;
      return Math.abs(value) >= 100 ? whole.format(value) : numbers.format(value);
    },
    /** @param {number} share a fraction */
    percent(share) {
      return percent.format(share);
    },
    /** @param {string} isoDate YYYY-MM-DD */
    date(isoDate) {
      return day.format(new Date(`${isoDate}T00:00:00Z`));
    },
  };
}
