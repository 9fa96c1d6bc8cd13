/**
 * Text that may carry API data (an `error_msg`, a title, a number) on its way into a
 * notification. VS Code renders `[label](target)` in a notification's message as a link,
 * and a `command:` target runs that command when clicked; the link needs `](` written
 * together, so a space between them leaves the words readable and the link dead. Pure.
 */
export function notificationText(text: string): string {
  return text.replace(/\]\(/g, '] (');
}

/** Text that may carry API data on its way into a quick pick, which draws `$(name)` as an icon: shown as written. */
export function quickPickText(text: string): string {
  return text.replace(/\$\(/g, '$\u200b(');
}
