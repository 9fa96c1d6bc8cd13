import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomically } from '../../../../src/core/exports/download';
import { STALE_TEMP_AFTER_MS, sweepStaleTemps, tempPathFor } from '../../../../src/core/exports/tempFiles';
import { useScratchDir } from '../../scratchDir';

/** The pid of a process that has run and exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

describe('temp files of a save, and sweeping what killed saves left', () => {
  const scratch = useScratchDir('patent-temps-');
  let target: string;
  beforeEach(() => {
    target = path.join(scratch.path, 'big.csv');
  });

  /** A temp file of `target` as process `pid` of this machine names it. */
  async function tempOf(pid: number, name = target, contents = 'partial'): Promise<string> {
    const ours = path.basename(tempPathFor(name));
    const file = path.join(scratch.path, ours.replace(`.${process.pid}-`, `.${pid}-`));
    await fs.writeFile(file, contents);
    return path.basename(file);
  }

  async function age(name: string, ms: number): Promise<void> {
    const when = new Date(Date.now() - ms);
    await fs.utimes(path.join(scratch.path, name), when, when);
  }

  it('names a temp file hidden, beside the target, after this process and machine', () => {
    const temp = tempPathFor(target);
    assert.equal(path.dirname(temp), scratch.path);
    assert.match(path.basename(temp), new RegExp(`^\\.big\\.csv\\.${process.pid}-[0-9a-f]{6}\\.[0-9a-f]{12}\\.part$`));
    assert.notEqual(tempPathFor(target), temp, 'unique per call');
  });

  it("sweeps a temp file of a process that is gone, and keeps a running process's", async () => {
    const dead = await tempOf(await deadPid());
    const running = await tempOf(process.ppid);
    const mine = await tempOf(process.pid);
    assert.deepEqual(await sweepStaleTemps(target), [dead]);
    assert.deepEqual((await fs.readdir(scratch.path)).sort(), [running, mine].sort());
  });

  it("touches only the target's own temp files", async () => {
    const pid = await deadPid();
    const others = [await tempOf(pid, path.join(scratch.path, 'big.csv.1')), await tempOf(pid, path.join(scratch.path, 'other.csv')), await tempOf(pid, path.join(scratch.path, 'xbig.csv'))];
    await fs.writeFile(path.join(scratch.path, 'big.csv'), 'the saved file');
    await fs.writeFile(path.join(scratch.path, '.big.csv.part'), 'not ours');
    const expected = [...others, 'big.csv', '.big.csv.part'].sort();
    assert.deepEqual(await sweepStaleTemps(target), []);
    assert.deepEqual((await fs.readdir(scratch.path)).sort(), expected);
  });

  it("sweeps another machine's and an older version's temp files only once nobody has written to them for a day", async () => {
    const foreign = '.big.csv.12345-abcdef.0123456789ab.part';
    const older = '.big.csv.0123456789ab.part';
    for (const name of [foreign, older]) await fs.writeFile(path.join(scratch.path, name), 'partial');
    await age(foreign, STALE_TEMP_AFTER_MS - 60_000);
    await age(older, STALE_TEMP_AFTER_MS - 60_000);
    assert.deepEqual(await sweepStaleTemps(target), [], 'written to within the day: may be live');
    await age(foreign, STALE_TEMP_AFTER_MS + 60_000);
    await age(older, STALE_TEMP_AFTER_MS + 60_000);
    assert.deepEqual((await sweepStaleTemps(target)).sort(), [foreign, older].sort());
    assert.deepEqual(await fs.readdir(scratch.path), []);
  });

  it('sweeps a running process id untouched for a day (the id was reused), and never a folder', async () => {
    const reused = await tempOf(process.ppid);
    await age(reused, STALE_TEMP_AFTER_MS + 60_000);
    const folder = '.big.csv.1-abcdef.0123456789ab.part';
    await fs.mkdir(path.join(scratch.path, folder));
    await age(folder, STALE_TEMP_AFTER_MS + 60_000);
    assert.deepEqual(await sweepStaleTemps(target), [reused]);
    assert.deepEqual(await fs.readdir(scratch.path), [folder]);
  });

  it('asks whether the process runs, and sweeps nothing in a folder it cannot read', async () => {
    const a = await tempOf(111111);
    const b = await tempOf(222222);
    const asked: number[] = [];
    const isRunning = (pid: number): boolean => {
      asked.push(pid);
      return pid === 222222;
    };
    const swept = await sweepStaleTemps(target, { isRunning });
    assert.deepEqual(swept, [a]);
    assert.deepEqual(asked.sort(), [111111, 222222]);
    assert.deepEqual(await fs.readdir(scratch.path), [b]);
    assert.deepEqual(await sweepStaleTemps(path.join(scratch.path, 'missing', 'x.csv')), []);
  });

  it('writeFileAtomically sweeps the litter of its destination too', async () => {
    await tempOf(await deadPid(), path.join(scratch.path, 'drawing.png'));
    await writeFileAtomically(path.join(scratch.path, 'drawing.png'), Buffer.from('png'));
    assert.deepEqual(await fs.readdir(scratch.path), ['drawing.png']);
  });
});
