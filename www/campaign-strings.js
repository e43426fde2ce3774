// @ts-check
/**
 * The campaign views' words in English and Dutch, in one table, and the formatting of
 * their figures (counts, rates, money, seconds) in the chosen language.
 *
 * The language is the strategy's choice (strategy-strings.js: the user's setting, else the
 * browser's), and KPI statuses use the strategy's words, so a status reads the same in the
 * KPI cards and in a campaign. Metric and platform names come with each view from the core
 * (`names`, `platform_names`). Nothing here reads the strategy or the store.
 */
import { loadStrings, stringsFor } from './strategy-strings.js';

const TABLE = /** @type {const} */ ({
  campaigns: { en: 'Campaigns', nl: 'Campagnes' },
  campaignOnPage: { en: 'Campaign', nl: 'Campagne' },
  targets: { en: 'Targets', nl: 'Doelen' },
  totals: { en: 'Totals per platform', nl: 'Totalen per platform' },
  topContent: { en: 'Top content', nl: 'Beste inhoud' },
  leftOut: { en: 'Left out', nl: 'Weggelaten' },
  organic: { en: 'organic', nl: 'organisch' },
  paid: { en: 'paid', nl: 'betaald' },
  both: { en: 'organic and paid', nl: 'organisch en betaald' },
  allPlatforms: { en: 'All platforms', nl: 'Alle platforms' },
  notAdded: { en: 'listed, not added', nl: 'getoond, niet opgeteld' },
  onThisPage: { en: 'on this page', nl: 'op deze pagina' },
  leftOutHere: { en: 'This page’s item is left out of this campaign', nl: 'Het item van deze pagina is uit deze campagne weggelaten' },
  noCampaigns: { en: 'The strategy defines no campaign yet.', nl: 'De strategie bevat nog geen campagne.' },
  noStrategy: { en: 'No strategy yet: campaigns are defined in it.', nl: 'Nog geen strategie: daarin staan de campagnes.' },
  datesOnly: {
    en: 'Dates only: add platforms, match rules and KPIs to measure it.',
    nl: 'Alleen data: voeg platforms, regels en KPI’s toe om haar te meten.',
  },
  couldNotMeasure: { en: 'Could not measure this campaign', nl: 'Deze campagne kon niet worden gemeten' },
  couldNotRead: { en: 'Could not look at campaigns', nl: 'Campagnes konden niet worden bekeken' },
  print: { en: 'Print report', nl: 'Rapport afdrukken' },
  printNow: { en: 'Print or save as PDF', nl: 'Afdrukken of als pdf bewaren' },
  csv: { en: 'Download CSV', nl: 'CSV downloaden' },
  csvNl: { en: 'Download CSV (Dutch Excel)', nl: 'CSV downloaden (Nederlandse Excel)' },
  json: { en: 'Download JSON', nl: 'JSON downloaden' },
  asOf: { en: 'as of', nl: 'stand op' },
  kpi: { en: 'KPI', nl: 'KPI' },
  target: { en: 'Target', nl: 'Doel' },
  actual: { en: 'So far', nl: 'Tot nu toe' },
  achieved: { en: 'Achieved', nl: 'Behaald' },
  forecast: { en: 'Forecast', nl: 'Prognose' },
  status: { en: 'Status', nl: 'Status' },
  platform: { en: 'Platform', nl: 'Platform' },
  part: { en: 'Part', nl: 'Deel' },
  item: { en: 'Item', nl: 'Item' },
  share: { en: 'Share', nl: 'Aandeel' },
  why: { en: 'Why it belongs', nl: 'Waarom het erbij hoort' },
  noKpis: { en: 'No KPIs for this campaign.', nl: 'Geen KPI’s voor deze campagne.' },
  noContent: { en: 'No content matched yet.', nl: 'Nog geen inhoud gevonden.' },
  of: { en: 'of', nl: 'van' },
  reportTitle: { en: 'campaign report', nl: 'campagnerapport' },
  preparing: { en: 'Preparing the report…', nl: 'Het rapport wordt gemaakt…' },
  noCampaignNamed: { en: 'No campaign named in this address.', nl: 'Geen campagne genoemd in dit adres.' },
  moneyIn: { en: 'Money in', nl: 'Bedragen in' },
  yourRate: { en: 'your rate', nl: 'uw koers' },
  method: {
    en: 'Rates are computed from summed parts, never averaged; reach is never added across items. Made by Yardstick on this computer; nothing was sent anywhere.',
    nl: 'Percentages en kosten zijn berekend uit opgetelde delen, nooit gemiddeld; bereik wordt nooit over items opgeteld. Gemaakt met Yardstick op deze computer; er is niets verstuurd.',
  },
});

/** @typedef {keyof typeof TABLE} CampaignKey */
/** @typedef {'en' | 'nl'} Language */

/**
 * The campaign words and formatters of one language, with the strategy's words (`s`).
 * @param {Language} language
 */
export function campaignStringsFor(language) {
  const s = stringsFor(language);
  const count = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const small = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    language,
    s,
    /** @param {CampaignKey} key */
    w(key) {
      return TABLE[key][language];
    },
    /**
     * A figure in its unit (`count`, `ratio`, `seconds`, `currency:EUR`).
     * @param {number | null | undefined} value
     * @param {string | null | undefined} unit
     */
    figure(value, unit) {
      if (value === null || value === undefined || !Number.isFinite(value)) return '—';
      if (unit === 'ratio') return percent.format(value);
      if (unit === 'seconds') return `${small.format(value)} s`;
      if (unit?.startsWith('currency:')) {
        const currency = unit.slice('currency:'.length);
        try {
          return new Intl.NumberFormat(language, { style: 'currency', currency }).format(value);
        } catch {
          return `${small.format(value)} ${currency}`;
        }
      }
      return Math.abs(value) >= 100 ? count.format(value) : small.format(value);
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

/** @typedef {ReturnType<typeof campaignStringsFor>} CampaignStrings */

/**
 * The campaign strings in the language the user chose (or the browser's).
 * @returns {Promise<CampaignStrings>}
 */
export async function loadCampaignStrings() {
  const s = await loadStrings();
  return campaignStringsFor(s.language);
}
