/** The webview types: what the serializer restores after a reload, and the PDF viewer's custom editor. Cheap to import (no schema). */
export const PATENT_VIEW_TYPE = 'patentLookup.patent';
export const PDF_VIEW_TYPE = 'patentLookup.pdf';
