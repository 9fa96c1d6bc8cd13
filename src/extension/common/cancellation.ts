import * as vscode from 'vscode';

/** An AbortSignal that follows a CancellationToken, so cancellation flows down to the core. */
export function abortSignalOf(token: vscode.CancellationToken): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  const listener = token.onCancellationRequested(() => controller.abort());
  return { signal: controller.signal, dispose: () => listener.dispose() };
}

/** Runs `work` with a signal that follows `token`, and lets go of the token afterwards. */
export async function withAbortSignal<T>(token: vscode.CancellationToken, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const { signal, dispose } = abortSignalOf(token);
  try {
    return await work(signal);
  } finally {
    dispose();
  }
}
