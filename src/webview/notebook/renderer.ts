/**
 * The search notebook's renderer: a query cell's run as a hit count, a table of the top
 * results (new ones marked), what is gone, charts of the result set and the cell's runs.
 * Every text comes from the host as data and is set as text, never parsed as markup;
 * numbers open the patent panel through a message the host checks. Colours are VS
 * Code's theme variables, with borders where a high-contrast theme asks for them.
 */
import type { ActivationFunction, RendererContext } from 'vscode-notebook-renderer';
import { append, button, h, type Attrs } from '../patent/dom';
import { STYLE } from './style';
import type { ChartView, HistoryRow, Labels, RendererMessage, ResultRow, SearchRunView } from './protocol';
import { fillArgs } from '../../core/text/translator';
import { RunWords } from './words';

type Post = (message: RendererMessage) => void;

/** A view as far as it can be drawn: the host builds it, but an output from another version may differ. */
function isView(v: unknown): v is SearchRunView {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (o.kind === 'run' || o.kind === 'running' || o.kind === 'error') && typeof o.labels === 'object' && o.labels !== null;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = <T>(v: unknown): readonly T[] => (Array.isArray(v) ? (v as T[]) : []);

class Drawer {
  private readonly words: RunWords;

  constructor(
    private readonly view: SearchRunView,
    private readonly post: Post | undefined,
  ) {
    this.words = new RunWords(view.labels, text(view.locale));
  }

  private get l(): Labels {
    return this.view.labels;
  }

  private n(x: unknown): string {
    return this.words.n(x);
  }

  draw(): HTMLElement {
    const v = this.view;
    if (v.kind === 'running') return h('div', { class: 'pl-run' }, h('p', { class: 'pl-running', role: 'status' }, v.total === undefined ? this.l.counting : v.total === 1 ? this.l.fetchingOne : fillArgs(this.l.fetching, this.n(v.total))));
    if (v.kind === 'error') return this.error(v);
    return this.run(v);
  }

  private error(v: Extract<SearchRunView, { kind: 'error' }>): HTMLElement {
    const problems = list<string>(v.problems).map(text).filter((p) => p !== '');
    const actions = list<{ id: string; label: string }>(v.actions);
    return h(
      'div',
      { class: 'pl-run pl-error', role: 'alert' },
      h('p', { class: 'pl-error-message' }, text(v.message)),
      problems.length > 0 && h('p', {}, this.l.problems),
      problems.length > 0 && h('ul', { class: 'pl-problems' }, ...problems.map((p) => h('li', {}, p))),
      actions.length > 0 &&
        v.cell !== '' &&
        this.post &&
        h('div', { class: 'pl-actions' }, ...actions.map((a) => button(text(a.label), () => this.post?.({ type: 'errorAction', cell: v.cell, action: a.id as Extract<RendererMessage, { type: 'errorAction' }>['action'] }), { class: 'pl-button' }))),
    );
  }

  private run(v: Extract<SearchRunView, { kind: 'run' }>): HTMLElement {
    const results = list<ResultRow>(v.results);
    const root = h('div', { class: 'pl-run' });
    const { hits, rest } = this.words.heading(v.total, text(v.ranAt));
    const heading = h('p', { class: 'pl-hits' }, hits && h('strong', {}, hits), h('span', { class: 'pl-muted' }, rest));
    // A status, so a screen reader says what is new when a run finishes (polite: after what it is reading).
    append(root, heading, h('p', { class: 'pl-summary', role: 'status' }, text(v.summary) || this.l.firstRun));
    if (v.cachedAt) {
      append(
        root,
        h(
          'p',
          { class: 'pl-note' },
          this.words.cached(text(v.cachedAt)),
          ' ',
          v.cell !== '' && this.post && button(this.l.runAgain, () => this.post?.({ type: 'runAgain', cell: v.cell }), { class: 'pl-button pl-secondary' }),
        ),
      );
    }
    if (v.stale) append(root, h('p', { class: 'pl-note pl-stale' }, this.l.stale));
    append(root, results.length === 0 ? h('p', {}, this.l.noResults) : this.results(results, v.total));
    const gone = list<ResultRow>(v.gone);
    if (gone.length > 0) {
      const since = list<HistoryRow>(v.history)[1]?.date ?? '';
      append(root, h('details', { class: 'pl-gone' }, h('summary', {}, this.words.gone(since, gone.length)), h('ul', {}, ...gone.map((r) => h('li', {}, this.numberButton(r), r.title ? ` ${r.title}` : '')))));
    }
    const charts = list<ChartView>(v.charts).filter((c) => list(c.buckets).length > 0);
    if (charts.length > 0) append(root, h('div', { class: 'pl-charts' }, ...charts.map((c) => this.chart(c))));
    const history = list<HistoryRow>(v.history);
    if (history.length > 1) append(root, this.history(history));
    return root;
  }

  private numberButton(r: ResultRow): HTMLElement {
    const number = text(r.number);
    if (!this.post) return h('span', { class: 'pl-number' }, number);
    const message: RendererMessage = r.patentId ? { type: 'openPatent', number, patentId: r.patentId } : { type: 'openPatent', number };
    return button(number, () => this.post?.(message), { class: 'pl-link pl-number', 'aria-label': fillArgs(this.l.openPatent, number), title: fillArgs(this.l.openPatent, number) });
  }

  private results(rows: readonly ResultRow[], total: number): HTMLElement {
    const th = (label: string, attrs: Attrs = {}): HTMLElement => h('th', { scope: 'col', ...attrs }, label);
    const mark = (m: ResultRow['mark']): HTMLElement | string =>
      m === 'new' ? h('span', { class: 'pl-badge pl-new' }, this.l.markNew) : m === 'newMember' ? h('span', { class: 'pl-badge pl-member' }, this.l.markNewMember) : '';
    return h(
      'table',
      { class: 'pl-results' },
      h('caption', {}, this.words.caption(rows.length, total)),
      h('thead', {}, h('tr', {}, th(this.l.mark, { class: 'pl-mark' }), th(this.l.number), th(this.l.title), th(this.l.assignee), th(this.l.published), th(this.l.status))),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h(
            'tr',
            { class: r.mark === 'seen' ? undefined : 'pl-changed' },
            h('td', { class: 'pl-mark' }, mark(r.mark)),
            h('td', {}, this.numberButton(r)),
            h('td', {}, text(r.title)),
            h('td', {}, text(r.assignee)),
            h('td', { class: 'pl-date' }, this.words.dates.day(text(r.date))),
            h('td', {}, text(r.status)),
          ),
        ),
      ),
    );
  }

  private chart(c: ChartView): HTMLElement {
    const buckets = list<{ name: string; count: number }>(c.buckets);
    const max = Math.max(1, ...buckets.map((b) => (typeof b.count === 'number' ? b.count : 0)));
    const share = (count: number): string => `${Math.max(2, Math.round((count / max) * 100))}%`;
    const caption = text(c.title);
    if (c.kind === 'columns') {
      return h(
        'figure',
        { class: 'pl-chart pl-columns-chart', 'aria-label': caption },
        h('figcaption', {}, caption),
        h(
          'ol',
          { class: 'pl-columns' },
          ...buckets.map((b) => {
            const bar = h('span', { class: 'pl-col', 'aria-hidden': 'true' });
            bar.style.height = share(b.count);
            return h(
              'li',
              {},
              h('span', { class: 'pl-sr' }, this.words.chartCount(text(b.name), b.count)),
              h('span', { class: 'pl-col-count', 'aria-hidden': 'true' }, this.n(b.count)),
              h('span', { class: 'pl-col-track', 'aria-hidden': 'true' }, bar),
              h('span', { class: 'pl-col-label', 'aria-hidden': 'true' }, text(b.name)),
            );
          }),
        ),
      );
    }
    return h(
      'figure',
      { class: 'pl-chart', 'aria-label': caption },
      h('figcaption', {}, caption),
      h(
        'table',
        { class: 'pl-bars', 'aria-label': caption },
        h(
          'tbody',
          {},
          ...buckets.map((b) => {
            const bar = h('span', { class: 'pl-fill' });
            bar.style.width = share(b.count);
            return h('tr', {}, h('th', { scope: 'row', class: 'pl-bar-name' }, text(b.name)), h('td', { class: 'pl-bar', 'aria-hidden': 'true' }, bar), h('td', { class: 'pl-bar-count' }, this.n(b.count)));
          }),
        ),
      ),
    );
  }

  private history(rows: readonly HistoryRow[]): HTMLElement {
    return h(
      'details',
      { class: 'pl-history' },
      h('summary', {}, fillArgs(this.l.history, this.n(rows.length))),
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, this.l.runDate), h('th', { scope: 'col' }, this.l.hitsColumn), h('th', { scope: 'col' }, this.l.change))),
        h('tbody', {}, ...rows.map((r) => h('tr', {}, h('td', { class: 'pl-date' }, this.words.dates.day(text(r.date))), h('td', { class: 'pl-count' }, this.n(r.total)), h('td', {}, text(r.change))))),
      ),
    );
  }
}

export const activate: ActivationFunction = (context: RendererContext<unknown>) => {
  const post: Post | undefined = context.postMessage ? (m) => context.postMessage?.(m) : undefined;
  return {
    renderOutputItem(item, element) {
      const view: unknown = item.json();
      element.replaceChildren();
      const style = h('style', {});
      style.textContent = STYLE;
      if (!isView(view)) {
        element.append(h('p', {}, 'This output was written by another version of Patent Lookup: run the cell again to see it.'));
        return;
      }
      element.append(style, new Drawer(view, post).draw());
    },
    disposeOutputItem() {
      // Nothing outlives the element: no timers, no listeners beyond its own buttons.
    },
  };
};
