/**
 * The renderer's CSS: VS Code's theme variables only, so light, dark and high-contrast
 * themes each get their own colours; high-contrast themes add borders (their
 * `--vscode-contrastBorder`), and forced colours (Windows) use system colours.
 */
export const STYLE = `
.pl-run { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); color: var(--vscode-foreground); line-height: 1.45; padding: 2px 0 6px; }
.pl-run p { margin: 0 0 6px; }
.pl-hits strong { font-size: 1.15em; }
.pl-muted, .pl-summary, .pl-note { color: var(--vscode-descriptionForeground); }
.pl-note { border-left: 3px solid var(--vscode-textBlockQuote-border, var(--vscode-focusBorder)); padding-left: 8px; }
.pl-error .pl-error-message { color: var(--vscode-errorForeground); font-weight: 600; }
.pl-problems { margin: 0 0 6px; padding-left: 20px; }
.pl-actions { display: flex; gap: 6px; }
.pl-button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 2px 10px; cursor: pointer; }
.pl-button:hover { background: var(--vscode-button-hoverBackground); }
.pl-button.pl-secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
.pl-button.pl-secondary:hover { background: var(--vscode-button-secondaryHoverBackground); }
.pl-link { font: inherit; font-family: var(--vscode-editor-font-family, monospace); color: var(--vscode-textLink-foreground); background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
.pl-link:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
.pl-button:focus-visible, .pl-link:focus-visible, .pl-run summary:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.pl-number { white-space: nowrap; }
.pl-run table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; }
.pl-run caption { text-align: left; font-weight: 600; padding: 2px 0 4px; }
.pl-run th, .pl-run td { text-align: left; vertical-align: top; padding: 3px 8px 3px 0; border-bottom: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border, rgba(128, 128, 128, 0.35))); overflow-wrap: anywhere; }
.pl-run thead th { color: var(--vscode-descriptionForeground); font-weight: 600; white-space: nowrap; }
.pl-mark { width: 1%; white-space: nowrap; }
.pl-date, .pl-count, .pl-bar-count { white-space: nowrap; font-variant-numeric: tabular-nums; }
.pl-badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 0.85em; font-weight: 600; color: var(--vscode-badge-foreground); background: var(--vscode-badge-background); border: 1px solid var(--vscode-contrastBorder, transparent); white-space: nowrap; }
.pl-badge.pl-member { color: var(--vscode-foreground); background: transparent; border-color: var(--vscode-contrastBorder, var(--vscode-badge-background)); }
tr.pl-changed > td:first-child { box-shadow: inset 3px 0 0 var(--vscode-charts-green, var(--vscode-badge-background)); padding-left: 6px; }
.pl-run details { margin: 4px 0 8px; }
.pl-run summary { cursor: pointer; color: var(--vscode-descriptionForeground); }
.pl-charts { display: flex; flex-wrap: wrap; gap: 12px 28px; margin: 6px 0; }
.pl-chart { margin: 0; min-width: 220px; flex: 1 1 260px; max-width: 520px; }
.pl-chart figcaption { font-weight: 600; margin-bottom: 4px; }
.pl-bars th, .pl-bars td { border: 0; padding: 1px 6px 1px 0; }
.pl-bar-name { font-weight: normal; max-width: 16em; }
.pl-bar { width: 55%; }
.pl-fill, .pl-col { display: block; background: var(--vscode-charts-blue); border: 1px solid var(--vscode-contrastBorder, transparent); box-sizing: border-box; }
.pl-fill { height: 0.9em; min-width: 2px; margin-top: 0.25em; }
.pl-columns { list-style: none; margin: 0; padding: 0; display: flex; align-items: flex-end; gap: 4px; height: 130px; }
.pl-columns li { flex: 1 1 0; min-width: 18px; max-width: 48px; display: flex; flex-direction: column; align-items: stretch; height: 100%; }
.pl-col-track { flex: 1 1 auto; display: flex; align-items: flex-end; }
.pl-col { width: 100%; min-height: 2px; }
.pl-col-count, .pl-col-label { font-size: 0.8em; text-align: center; color: var(--vscode-descriptionForeground); white-space: nowrap; overflow: hidden; }
.pl-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (forced-colors: active) {
  .pl-fill, .pl-col { background: CanvasText; border-color: CanvasText; }
  .pl-badge { border-color: CanvasText; }
}
`;
