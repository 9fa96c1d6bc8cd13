/**
 * Text that may carry API data (an `error_msg`, a title, a number) on its way into a
 * notification. VS Code renders `[label](target)` in a notification's message as a link,
 * and a `command:` target runs that command when clicked; the link needs `](` written
 * together, so a space between them leaves the words readable and the link dead. Pure.
 */
export function notificationText(text: string): string {
  return text.replace(/\]\(/g, '] (');
}
