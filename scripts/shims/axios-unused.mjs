// Stands in for axios helpers that only run for requests nothing here makes (see esbuild.mjs):
// `data:` URLs (API calls go to the https base URL, signed links must be http(s),
// src/core/api/signed.ts), FormData bodies (every body sent is JSON), HTTP/2 (no request
// sets httpVersion: 2). Should one ever be made, it fails loudly instead of half working.
const unused = (what) => () => {
  throw new Error(`axios' ${what} is not bundled: nothing here is meant to send such a request`);
};
// lib/helpers/fromDataURI.js and estimateDataURLDecodedBytes.js: a `data:` URL.
export default unused('data: URL support');
export const estimateDataURLBufferAllocation = () => 0;
// lib/helpers/formDataToStream.js, formDataToJSON.js: a FormData body.
export const formData = unused('FormData body support');
// lib/helpers/Http2Sessions.js: an HTTP/2 request.
export class Http2Sessions {
  getSession = unused('HTTP/2 support');
}
