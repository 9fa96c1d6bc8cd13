/**
 * The links the extension hands to the operating system (PDFs, office actions): only
 * http(s). A link from the API with another scheme (`file:`, `vscode:`, `command:`,
 * `javascript:`) would open a local file, run a command or another program. Pure.
 */
export function externalLinkProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'PatSnap sent a link that is not a web address; it was not opened.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `PatSnap sent a ${parsed.protocol.replace(/:$/, '').slice(0, 20)} link where a web address belongs; only http(s) links are opened.`;
  }
  return undefined;
}
