// @ts-check
/**
 * The printable report of one campaign (`report.html?campaign=ID&lang=nl`): its targets
 * and their status, totals per platform organic and paid, the top content with why it
 * belongs, and what was left out; report.css makes "Print" or "Save as PDF" a clean A4
 * document.
 *
 * The core measures the campaign (`measureCampaign`) from the saved strategy and the store
 * as they are now; this page lays the result out with the same blocks as the dashboard
 * (campaign.js) and loads nothing from anywhere. Every node is built with createElement
 * and textContent.
 */
import { core } from './core.js';
import { element } from './render.js';
import { contentList, ensureCampaignStyles, kpiTable, leftOutList, campaignMeta, statusBadge, totalsTable } from './campaign.js';
import { campaignStringsFor, loadCampaignStrings } from './campaign-strings.js';
import { readStore } from './storage.js';
import { loadStrategy } from './strategy-store.js';

/** How many content items the report lists. */
const TOP_CONTENT = 10;

const main = /** @type {HTMLElement} */ (document.getElementById('report'));
const params = new URLSearchParams(location.search);

/** The strings in the language the address asks for, else the user's. */
async function strings() {
  const asked = params.get('lang');
  return asked === 'en' || asked === 'nl' ? campaignStringsFor(asked) : loadCampaignStrings();
}

/**
 * The report of a measured campaign.
 * @param {import('./campaign.js').CampaignView} view
 * @param {import('./campaign-strings.js').CampaignStrings} c
 */
function report(view, c) {
  const print = element('button', { text: c.w('printNow'), attrs: { type: 'button', id: 'report-print' } });
  print.addEventListener('click', () => window.print());
  const footer = [];
  if (view.currency) {
    const rates = Object.entries(view.rates_used ?? {}).map(([code, rate]) => `1 ${code} = ${rate} ${view.currency} (${c.w('yourRate')})`);
    footer.push(`${c.w('moneyIn')} ${view.currency}. ${rates.join('. ')}`.trim());
  }
  footer.push(c.w('method'));
  const children = [
    element('header', {}, [
      element('h1', {}, [element('span', { text: `${view.campaign.name} — ${c.w('reportTitle')} ` }), statusBadge(view.status, c)]),
      element('p', { className: 'campaign-meta', text: campaignMeta(view, c) }),
    ]),
    element('div', { className: 'report-toolbar' }, [print]),
    element('h2', { text: c.w('targets') }),
    kpiTable(view, c),
    element('h2', { text: c.w('totals') }),
    totalsTable(view, c),
    element('h2', { text: c.w('topContent') }),
    contentList(view, c, { limit: TOP_CONTENT }),
  ];
  if (view.left_out.length > 0) children.push(element('h2', { text: c.w('leftOut') }), leftOutList(view));
  children.push(element('footer', {}, footer.map((line) => element('p', { text: line }))));
  return children;
}

async function showReport() {
  ensureCampaignStyles();
  const c = await strings();
  document.documentElement.lang = c.language;
  main.setAttribute('lang', c.language);
  main.replaceChildren(element('p', { className: 'campaign-note', text: c.w('preparing') }));
  const id = params.get('campaign');
  const strategy = await loadStrategy();
  if (!id || !strategy) {
    main.replaceChildren(element('p', { className: 'campaign-note error', text: id ? c.w('noStrategy') : c.w('noCampaignNamed') }));
    main.dataset.ready = 'error';
    return;
  }
  try {
    const yardstick = await core();
    /** @type {import('./campaign.js').CampaignView} */
    const view = yardstick.measureCampaign(strategy.text, id, new Date().toISOString(), await readStore(), c.language);
    document.title = `${view.campaign.name} — ${c.w('reportTitle')}`;
    main.replaceChildren(...report(view, c));
    main.dataset.campaign = view.campaign.id;
    main.dataset.status = view.status ?? '';
    main.dataset.ready = 'true';
  } catch (error) {
    main.replaceChildren(element('p', { className: 'campaign-note error', text: `${c.w('couldNotMeasure')}: ${error instanceof Error ? error.message : String(error)}` }));
    main.dataset.ready = 'error';
  }
}

await showReport();
