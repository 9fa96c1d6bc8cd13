/** P055 bulk export: tasks that stay PENDING for a few polls, then succeed with a real (or synthetic) file. */
import { randomBytes } from 'node:crypto';
import type { SamplePatent } from '../data';
import { buildExportFile, SyntheticCsv } from '../exportFiles';
import { runSearch } from '../search';
import { exportRequest, InvalidParameter, type ExportRequest } from '../validate';
import { type EndpointFamily, type SandboxContext, type ServedFile, withBody, withQuery } from './family';

interface ExportTask {
  id: string;
  createdAt: number;
  polls: number;
  count: number;
  fail: boolean;
  request: ExportRequest;
  patents: SamplePatent[];
  url?: string;
}

export class ExportEndpoints implements EndpointFamily {
  readonly routes: EndpointFamily['routes'];
  readonly files: EndpointFamily['files'];
  private readonly tasks = new Map<string, ExportTask>();
  private readonly exportFiles = new Map<string, ServedFile>();

  constructor(private readonly ctx: SandboxContext) {
    this.routes = [
      ['POST /patent-search/export/V2', withBody((b) => this.createExport(b))],
      // The older path answers the same (see patsnap-examples/README.md).
      ['POST /patent-search/export', withBody((b) => this.createExport(b))],
      ['GET /patent-search/task', withQuery((q) => this.exportStatus(q))],
    ];
    this.files = {
      export: (key, name) => {
        const f = this.exportFiles.get(key);
        return f && f.fileName === name ? f : undefined;
      },
    };
  }

  reset(): void {
    this.tasks.clear();
    this.exportFiles.clear();
  }

  private createExport(body: Record<string, unknown>): unknown {
    const req = exportRequest(body);
    const hits = runSearch(this.ctx.docs, {
      query: req.node,
      sort: [],
      collapse: req.collapse,
      stemming: req.stemming,
      filter: (p) => p.apdt >= req.apdt[0] && p.apdt <= req.apdt[1] && p.pbdt >= req.pbdt[0] && p.pbdt <= req.pbdt[1],
    });
    const patents = hits.slice(req.offset, req.offset + req.rows).map((h) => h.patent);
    const id = randomBytes(16).toString('hex');
    this.tasks.set(id, { id, createdAt: this.ctx.settings.now(), polls: 0, count: patents.length, fail: req.text.includes('__fail__'), request: req, patents });
    return { count: patents.length, task_id: id };
  }

  private exportStatus(query: URLSearchParams): unknown {
    const id = query.get('task_id') ?? '';
    if (!/^[0-9a-f]{32}$/.test(id)) throw new InvalidParameter('task_id', 'task_id: a task id is 32 hexadecimal characters.');
    const task = this.tasks.get(id);
    if (!task) throw new InvalidParameter('task_id', 'task_id: no such task.');
    if (this.ctx.settings.now() - task.createdAt >= this.ctx.settings.exportTaskTtlSeconds * 1000) {
      this.tasks.delete(id);
      throw new InvalidParameter('task_id', 'task_id: the task has expired (task ids live 24 hours).');
    }
    task.polls++;
    if (task.polls <= this.ctx.settings.exportPendingPolls) return { count: task.count, export_status: 'PENDING' };
    if (task.fail) return { count: task.count, export_status: 'FAIL' };
    if (!task.url) {
      const stamp = new Date(task.createdAt).toISOString().replace(/\D/g, '').slice(0, 17);
      let file: ServedFile;
      const synthetic = this.ctx.settings.syntheticExportBytes;
      if (synthetic !== undefined) {
        const csv = new SyntheticCsv(synthetic);
        file = { kind: 'stream', size: synthetic, open: (start, end) => csv.stream(start, end), contentType: 'text/csv; charset=utf-8', fileName: `${stamp}.csv` };
      } else {
        const built = buildExportFile(task.request.type, task.request.fields, task.patents, task.request.lang);
        file = { kind: 'bytes', bytes: built.bytes, contentType: built.contentType, fileName: `${stamp}.${built.extension}` };
      }
      this.exportFiles.set(id, file);
      task.url = this.ctx.signer.sign(`/_files/export/${id}/${file.fileName}`, this.ctx.settings.links.export);
    }
    return { url: task.url, count: task.count, export_status: 'SUCCESS' };
  }

}
