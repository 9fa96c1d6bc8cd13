// Entry of dist/sandbox.js: `node dist/sandbox.js [--port N]`.
import { runSandboxCli } from './cli';

runSandboxCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`patent-lookup sandbox: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
