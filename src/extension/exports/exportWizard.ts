/**
 * The "Export Search Results…" wizard: query, format, fields, rows, then a
 * settings list (offset, date ranges, languages, stemming, where to save) that
 * ends with "Create Export". Answers live in the draft the caller keeps, so
 * Back and a later run start from them.
 */
import * as vscode from 'vscode';
import { EXPORT_ROW_LIMITS, type ExportField } from '../../core/api/exportFields';
import { withAside } from '../../core/text/punctuation';
import { dateRangeWords } from '../common/format.pure';
import { MultiStepInput, type InputStep } from './multiStepInput';
import {
  dateRangeProblem,
  defaultRows,
  draftToParams,
  EXPORT_LANG_NAMES,
  exportFormats,
  exportParamProblems,
  fieldChoices,
  fieldPresets,
  fieldsProblem,
  formatDateRange,
  formatLabel,
  keepValidFields,
  offsetProblem,
  parseDateRange,
  parseWholeNumber,
  queryProblem,
  rowsProblem,
  TRANS_LANG_NAMES,
  type ExportDraft,
  type ExportFormat,
  type FieldPreset,
} from './wizardModel.pure';

export interface WizardEnvironment {
  recentQueries: readonly string[];
  /** e.g. `exports/ in my-project`; undefined without a workspace folder (a save dialog is then used). */
  workspaceTarget: string | undefined;
}

const title = (): string => vscode.l10n.t('Export Search Results');

/** Fills `draft` step by step; true when the user chose "Create Export". */
export async function runExportWizard(draft: ExportDraft, env: WizardEnvironment, options: { askQuery: boolean }): Promise<boolean> {
  const total = (): number => (options.askQuery ? 5 : 4);

  const queryStep: InputStep = async (input) => {
    type Item = vscode.QuickPickItem & { query: string };
    const recent = env.recentQueries.map<Item>((q) => ({ label: q, description: vscode.l10n.t('recent'), query: q }));
    const typed = (value: string): Item[] => {
      const v = value.trim();
      const first: Item[] = v && !env.recentQueries.includes(v) ? [{ label: v, description: queryProblem(v) ?? vscode.l10n.t('export this query'), query: v }] : [];
      return [...first, ...recent];
    };
    for (;;) {
      const chosen = await input.pick<Item>({
        placeholder: vscode.l10n.t('PatSnap query, e.g. {0} (Enter to use what you typed)', 'TTL:battery AND PBD:[20200101 TO *]'),
        items: typed(draft.query),
        onValue: typed,
      });
      if (!queryProblem(chosen.query)) {
        draft.query = chosen.query;
        return formatStep;
      }
    }
  };

  const formatStep: InputStep = async (input) => {
    type Item = vscode.QuickPickItem & { format: ExportFormat };
    const items = exportFormats().map<Item>((f) => ({ label: f.label, description: f.description, detail: vscode.l10n.t('up to {0} patents per task', defaultLimit(f)), format: f }));
    const chosen = await input.pick<Item>({ placeholder: vscode.l10n.t('File format'), items, active: items.find((i) => i.format.type === draft.exportType) });
    if (chosen.format.type !== draft.exportType) {
      draft.exportType = chosen.format.type;
      const kept = keepValidFields(draft.fields, draft.exportType);
      draft.fields = kept.length ? kept : [...(fieldPresets(draft.exportType)[0]?.fields ?? ['PN'])];
      if (rowsProblem(String(draft.rows), draft.exportType, draft.offset)) draft.rows = defaultRows(draft.exportType);
    }
    return fieldsStep;
  };

  const fieldsStep: InputStep = async (input) => {
    type Item = vscode.QuickPickItem & ({ preset: FieldPreset } | { field: ExportField });
    const presets = fieldPresets(draft.exportType).map<Item>((p) => ({ label: p.label, iconPath: new vscode.ThemeIcon('list-unordered'), description: p.fields.join(', '), preset: p }));
    // Only what the format takes: a field it refuses is not offered at all.
    const fields = fieldChoices(draft.exportType).map<Item>((c) => ({ label: c.field, description: c.name, field: c.field }));
    const items: Item[] = [
      { label: vscode.l10n.t('Presets (tick one to pick its fields)'), kind: vscode.QuickPickItemKind.Separator } as Item,
      ...presets,
      { label: vscode.l10n.t('Fields'), kind: vscode.QuickPickItemKind.Separator } as Item,
      ...fields,
    ];
    const fieldItems = items.filter((i): i is Item & { field: ExportField } => 'field' in i);
    const picked = await input.pickMany<Item>({
      placeholder: vscode.l10n.t('Fields to export as {0}', formatLabel(draft.exportType)),
      items,
      selected: fieldItems.filter((i) => draft.fields.includes(i.field)),
      normalise: (selected) => {
        const preset = selected.find((i): i is Item & { preset: FieldPreset } => 'preset' in i);
        if (!preset) return selected;
        return fieldItems.filter((i) => preset.preset.fields.includes(i.field));
      },
      validate: (selected) => fieldsProblem(selected.flatMap((i) => ('field' in i ? [i.field] : [])), draft.exportType),
    });
    draft.fields = picked.flatMap((i) => ('field' in i ? [i.field] : []));
    return rowsStep;
  };

  const rowsStep: InputStep = async (input) => {
    const value = await input.input({
      prompt: vscode.l10n.t('How many patents to export as {0}? PatSnap bills each exported patent.', formatLabel(draft.exportType)),
      value: String(draft.rows),
      validate: (v) => rowsProblem(v, draft.exportType, draft.offset),
    });
    draft.rows = parseWholeNumber(value) ?? draft.rows;
    return settingsStep;
  };

  const settingsStep: InputStep = async (input) => {
    type Action = 'create' | 'offset' | 'apdt' | 'pbdt' | 'lang' | 'transLang' | 'stemming' | 'saveAs';
    type Item = vscode.QuickPickItem & { action: Action };
    for (;;) {
      const problems = exportParamProblems(draftToParams(draft));
      const destination = draft.saveAs || !env.workspaceTarget ? vscode.l10n.t('ask where to save') : env.workspaceTarget;
      const items: Item[] = [
        {
          action: 'create',
          // The icon as iconPath: in the label, a screen reader would read its English name.
          label: vscode.l10n.t('Create Export'),
          iconPath: new vscode.ThemeIcon(problems.length ? 'warning' : 'check'),
          description:
            draft.rows === 1
              ? vscode.l10n.t('1 patent as {0}, {1}', formatLabel(draft.exportType), destination)
              : vscode.l10n.t('{0} patents as {1}, {2}', draft.rows.toLocaleString('en-US'), formatLabel(draft.exportType), destination),
          detail: problems.length ? problems.map((p) => p.message).join(' ') : vscode.l10n.t('You confirm the billed count next; nothing is created before.'),
        },
        { action: 'offset', label: vscode.l10n.t('Skip first results'), description: draft.offset.toLocaleString('en-US') },
        { action: 'apdt', label: vscode.l10n.t('Application dates'), description: dateRangeWords(draft.apdtFrom, draft.apdtTo, vscode.l10n) || vscode.l10n.t('any') },
        { action: 'pbdt', label: vscode.l10n.t('Publication dates'), description: dateRangeWords(draft.pbdtFrom, draft.pbdtTo, vscode.l10n) || vscode.l10n.t('any') },
        { action: 'lang', label: vscode.l10n.t('Language'), description: withAside(vscode.l10n, EXPORT_LANG_NAMES[draft.lang], draft.lang) },
        { action: 'transLang', label: vscode.l10n.t('Translation language'), description: withAside(vscode.l10n, TRANS_LANG_NAMES[draft.transLang], draft.transLang) },
        { action: 'stemming', label: vscode.l10n.t('Stemming'), description: draft.stemming ? vscode.l10n.t('on (singular, plural and tense variants of English words)') : vscode.l10n.t('off (exact words)') },
      ];
      if (env.workspaceTarget) items.push({ action: 'saveAs', label: vscode.l10n.t('Save to'), description: draft.saveAs ? vscode.l10n.t('ask where to save (Save As…)') : env.workspaceTarget });
      const chosen = await input.pick<Item>({ placeholder: vscode.l10n.t('Settings; pick "{0}" when ready', vscode.l10n.t('Create Export')), items, active: items[0] });
      switch (chosen.action) {
        case 'create':
          if (problems.length === 0) return undefined;
          break;
        case 'stemming':
          draft.stemming = !draft.stemming;
          break;
        case 'saveAs':
          draft.saveAs = !draft.saveAs;
          break;
        case 'offset': {
          const v = await input.nested(() =>
            input.input({ prompt: vscode.l10n.t('Skip this many top results (rows + skipped may not pass {0})', (100_000).toLocaleString('en-US')), value: String(draft.offset), validate: (t) => offsetProblem(t, draft.rows) }),
          );
          if (v !== undefined) draft.offset = v.trim() === '' ? 0 : (parseWholeNumber(v) ?? draft.offset);
          break;
        }
        case 'apdt':
        case 'pbdt': {
          const [fromKey, toKey, what] = chosen.action === 'apdt' ? (['apdtFrom', 'apdtTo', vscode.l10n.t('Application date range')] as const) : (['pbdtFrom', 'pbdtTo', vscode.l10n.t('Publication date range')] as const);
          const current = formatDateRange(draft[fromKey], draft[toKey]);
          const v = await input.nested(() =>
            input.input({
              prompt: vscode.l10n.t('{0}: FROM-TO as yyyyMMdd, * for open-ended, empty for any (e.g. {1})', what, '20110101-20180619'),
              value: draft[fromKey] === undefined && draft[toKey] === undefined ? '' : current,
              validate: dateRangeProblem,
            }),
          );
          if (v !== undefined) {
            const range = parseDateRange(v);
            draft[fromKey] = range && range !== 'invalid' ? range.from : undefined;
            draft[toKey] = range && range !== 'invalid' ? range.to : undefined;
          }
          break;
        }
        case 'lang': {
          const lang = await pickLanguage(input, EXPORT_LANG_NAMES, vscode.l10n.t('Language of the exported text'), draft.lang);
          if (lang) draft.lang = lang;
          break;
        }
        case 'transLang': {
          const lang = await pickLanguage(input, TRANS_LANG_NAMES, vscode.l10n.t('Translation language'), draft.transLang);
          if (lang) draft.transLang = lang;
          break;
        }
      }
    }
  };

  return MultiStepInput.run(title(), options.askQuery ? queryStep : formatStep, total);
}

/** A language of `names` (code to name) in a nested pick with `current` active; undefined when the user goes back. */
async function pickLanguage<L extends string>(input: MultiStepInput, names: Readonly<Record<L, string>>, placeholder: string, current: L): Promise<L | undefined> {
  type LangItem = vscode.QuickPickItem & { lang: L };
  const langs = (Object.keys(names) as L[]).map<LangItem>((l) => ({ label: names[l], description: l, lang: l }));
  return (await input.nested(() => input.pick<LangItem>({ placeholder, items: langs, active: langs.find((l) => l.lang === current) })))?.lang;
}

function defaultLimit(f: ExportFormat): string {
  return EXPORT_ROW_LIMITS[f.type].toLocaleString('en-US');
}
