export { EXPORT_LINK_LIFETIME_MS, EXPORT_TASK_ID_LIFETIME_MS, exportTaskExpiry, type ExportTaskExpiry } from './expiry';
export { ExportTaskPoller, type ExportPollOutcome, type ExportPollProgress, type ExportPollRequest, type ExportTaskPollerOptions } from './poller';
export { checkDestination, downloadToFile, DownloadError, isDownloadError, writeFileAtomically, type DownloadErrorKind, type DownloadOptions, type DownloadResult } from './download';
export { newExportTaskRecord, type ExportTaskRecord, type ExportTaskRecordStatus } from './types';
export { exportTaskRecordSchema, parseExportTaskRecord } from './recordSchema';
export { FileLeases, type FileLeasesOptions, type Lease } from './lease';
