/** A scratch folder per test: made in the OS temp folder before each test, removed with its contents after it. */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function useScratchDir(prefix: string): { readonly path: string } {
  let dir: string | undefined;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterEach(async () => {
    if (dir !== undefined) await fs.rm(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return {
    get path(): string {
      if (dir === undefined) throw new Error('the scratch folder exists only while a test runs');
      return dir;
    },
  };
}
