/**
 * Our own script or style sheet as the content of its element in a webview page
 * (webviewHtml.ts `inline`). Only our built files go through here, never API text. In
 * such an element a `</script` or `</style` (in a string of the bundle, say) would end
 * it early, and `<!--` would change how the rest is read; so their `<` is written as
 * an escape that means the same: `\x3C` in JavaScript strings, templates and regular
 * expressions, `\3C ` in CSS.
 */
export function inlineText(text: string, kind: 'script' | 'style'): string {
  return kind === 'script' ? text.replace(/<(?=\/script|!--)/gi, '\\x3C') : text.replace(/<(?=\/style|!--)/gi, '\\3C ');
}
