// Stands in for the `follow-redirects` package in our bundles (see esbuild.mjs): axios'
// http adapter sends through it only a request whose maxRedirects is not 0, and every
// request here sets 0 (API calls follow no redirect; signed links follow theirs by hand,
// src/core/api/signed.ts). Should one ever forget, it fails loudly instead of following.
'use strict';
const request = () => {
  throw new Error('follow-redirects is not bundled: set maxRedirects: 0 and follow redirects by hand (src/core/api/signed.ts)');
};
module.exports = { http: { request }, https: { request } };
