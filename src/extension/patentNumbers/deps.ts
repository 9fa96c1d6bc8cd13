import type * as vscode from 'vscode';
import type { PatentLookupService } from '../../core/cache/patentLookup';
import type { RecordLookup } from '../../core/cache/recordLookup';

/** What the patent-number features need from the rest of the extension. */
export interface PatentNumberFeatureDeps {
  /** Shared, cached, batched lookups (the session's; dropped when the client is rebuilt). */
  lookups: PatentLookupService;
  /** Whether credentials are present, so a lookup can be made at all. */
  canLookUp(): boolean;
  /** Fires when the client was rebuilt (credentials or settings changed): cached answers are gone. */
  onDidChangeLookups?: vscode.Event<void>;
  log: vscode.LogOutputChannel;
  /** Family sizes and application numbers' publications (loaded on the first hover that needs them). */
  records?: () => Promise<RecordLookup>;
}
