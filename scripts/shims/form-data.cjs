// Stands in for the `form-data` package in our bundles (see esbuild.mjs): axios imports it
// for multipart bodies, which nothing here sends, and it drags in mime-db (130 KB).
// Node 20's own FormData keeps axios' `instanceof` checks meaningful.
'use strict';
module.exports = globalThis.FormData;
