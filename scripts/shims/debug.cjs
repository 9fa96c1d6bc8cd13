// Stands in for the `debug` package in our bundles (see esbuild.mjs): axios' redirect and
// proxy helpers log through it only when DEBUG names them, which nobody sets for an
// editor extension; with it come supports-color and ms. Every logger is a no-op.
'use strict';
const noop = () => undefined;
module.exports = () => Object.assign(() => undefined, { enabled: false, extend: module.exports, log: noop });
