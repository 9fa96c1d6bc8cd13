/** The patent panel's webview type: what the serializer restores after a reload. Cheap to import (no schema). */
export const PATENT_VIEW_TYPE = 'patentLookup.patent';
