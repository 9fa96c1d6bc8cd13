#!/usr/bin/env node
/**
 * Moves every user-facing string of package.json's contributions into package.nls.json
 * and puts a `%key%` in its place; strings already given as `%key%` stay as they are.
 * Run it after adding a contribution with a plain string (`npm run l10n:export` does),
 * then translate the new keys in package.nls.zh-cn.json and package.nls.ja.json: the
 * unit tests fail until every key has its translations.
 *
 * `--check` changes nothing and exits 1 when a plain string is left (the unit tests use
 * `plainContributionStrings` for the same check).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const KEY = /^%[^%\s]+%$/;
const short = (id) => String(id).replace(/^patentLookup\./, '');

/**
 * Where the strings are and the key each gets: [object path, property, key]. `walk`
 * yields each object a contribution point holds with the key prefix for it.
 */
function* targets(pkg) {
  yield [pkg, 'displayName', 'extension.displayName'];
  yield [pkg, 'description', 'extension.description'];
  const untrusted = pkg.capabilities?.untrustedWorkspaces;
  if (untrusted) yield [untrusted, 'description', 'capabilities.untrustedWorkspaces.description'];
  const c = pkg.contributes ?? {};
  for (const cmd of c.commands ?? []) {
    yield [cmd, 'title', `command.${short(cmd.command)}.title`];
    yield [cmd, 'shortTitle', `command.${short(cmd.command)}.shortTitle`];
    yield [cmd, 'category', 'command.category'];
  }
  for (const [container, list] of Object.entries(c.viewsContainers ?? {})) {
    for (const v of list) yield [v, 'title', `viewsContainer.${container}.${short(v.id)}.title`];
  }
  for (const list of Object.values(c.views ?? {})) {
    for (const v of list) {
      yield [v, 'name', `view.${short(v.id)}.name`];
      yield [v, 'contextualTitle', `view.${short(v.id)}.contextualTitle`];
    }
  }
  const welcomeCount = new Map();
  for (const w of c.viewsWelcome ?? []) {
    const n = (welcomeCount.get(w.view) ?? 0) + 1;
    welcomeCount.set(w.view, n);
    yield [w, 'contents', `viewsWelcome.${short(w.view)}.${n}`];
  }
  const configurations = Array.isArray(c.configuration) ? c.configuration : c.configuration ? [c.configuration] : [];
  for (const conf of configurations) {
    yield [conf, 'title', 'configuration.title'];
    for (const [id, prop] of Object.entries(conf.properties ?? {})) yield* settingTargets(prop, `config.${short(id)}`);
  }
  for (const nb of c.notebooks ?? []) yield [nb, 'displayName', `notebook.${nb.type}.displayName`];
  for (const r of c.notebookRenderer ?? []) yield [r, 'displayName', `notebookRenderer.${short(r.id)}.displayName`];
  for (const e of c.customEditors ?? []) yield [e, 'displayName', `customEditor.${short(e.viewType)}.displayName`];
  for (const w of c.walkthroughs ?? []) {
    const base = `walkthrough.${short(w.id)}`;
    yield [w, 'title', `${base}.title`];
    yield [w, 'description', `${base}.description`];
    for (const step of w.steps ?? []) {
      const s = `${base}.step.${short(step.id)}`;
      yield [step, 'title', `${s}.title`];
      yield [step, 'description', `${s}.description`];
      if (step.media) yield [step.media, 'altText', `${s}.altText`];
    }
  }
  for (const s of c.submenus ?? []) yield [s, 'label', `submenu.${short(s.id)}.label`];
}

function* settingTargets(prop, base) {
  yield [prop, 'description', `${base}.description`];
  yield [prop, 'markdownDescription', `${base}.markdownDescription`];
  yield [prop, 'deprecationMessage', `${base}.deprecationMessage`];
  yield [prop, 'markdownDeprecationMessage', `${base}.markdownDeprecationMessage`];
  for (const holder of [prop, prop.items].filter(Boolean)) {
    for (const field of ['enumDescriptions', 'markdownEnumDescriptions']) {
      const list = holder[field];
      if (!Array.isArray(list)) continue;
      for (let i = 0; i < list.length; i++) yield [list, i, `${base}.${field === 'enumDescriptions' ? 'enum' : 'markdownEnum'}.${String(holder.enum?.[i] ?? i)}`];
    }
  }
  for (const [id, sub] of Object.entries(prop.properties ?? {})) yield* settingTargets(sub, `${base}.${id}`);
}

/** The contribution strings still written in place, as `key` → English text. */
export function plainContributionStrings(pkg) {
  const plain = {};
  for (const [holder, prop, key] of targets(JSON.parse(JSON.stringify(pkg)))) {
    const v = holder[prop];
    if (typeof v === 'string' && !KEY.test(v)) plain[key] = v;
  }
  return plain;
}

/** Every `%key%` package.json refers to. */
export function referencedKeys(pkg) {
  const keys = new Set();
  JSON.stringify(pkg, (_k, v) => {
    if (typeof v === 'string' && KEY.test(v)) keys.add(v.slice(1, -1));
    return v;
  });
  return keys;
}

function externalize(pkg, nls) {
  const added = [];
  for (const [holder, prop, key] of targets(pkg)) {
    const v = holder[prop];
    if (typeof v !== 'string' || KEY.test(v)) continue;
    if (nls[key] !== undefined && nls[key] !== v) throw new Error(`package.nls.json already has "${key}" with other text: rename one of them.`);
    nls[key] = v;
    holder[prop] = `%${key}%`;
    if (!added.includes(key)) added.push(key);
  }
  return added;
}

/** Rewrites package.json and package.nls.json; returns the keys it added. */
export function externalizePackageStrings() {
  const pkgFile = path.join(ROOT, 'package.json');
  const nlsFile = path.join(ROOT, 'package.nls.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const nls = fs.existsSync(nlsFile) ? JSON.parse(fs.readFileSync(nlsFile, 'utf8')) : {};
  const added = externalize(pkg, nls);
  if (added.length) {
    fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
    fs.writeFileSync(nlsFile, JSON.stringify(nls, null, 2) + '\n');
  }
  console.log(added.length ? `package.nls.json: ${added.length} new key(s): ${added.join(', ')}` : 'package.json: every contribution string is already a %key%.');
  return added;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const plain = Object.keys(plainContributionStrings(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))));
    if (plain.length) {
      console.error(`package.json has plain strings (run npm run l10n:export): ${plain.join(', ')}`);
      process.exit(1);
    }
  } else {
    externalizePackageStrings();
  }
}
