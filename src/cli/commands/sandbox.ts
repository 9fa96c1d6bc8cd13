import { runSandboxCli } from '../../sandbox/cli';
import type { Command } from '../command';

/** The sandbox owns its flags and help (src/sandbox/cli.ts); this only wires it to the CLI's streams and Ctrl+C. */
export const sandboxCommand: Command = {
  name: 'sandbox',
  summary: 'run the local PatSnap-compatible server (sample data, no account needed)',
  usage: 'sandbox [--port N]',
  details: '  --port N   port on 127.0.0.1 (0 for any free one)\n\nStops on Ctrl+C. Point PATSNAP_BASE_URL at the printed URL.',
  ownsHelp: true,
  async run(args, { io }) {
    const stopSignal = new Promise<void>((resolve) => {
      if (!io.signal) return; // nothing but the end of the process stops it
      if (io.signal.aborted) resolve();
      else io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    return runSandboxCli(args, { out: (text) => io.stdout.write(text), err: (text) => io.stderr.write(text), stopSignal });
  },
};
