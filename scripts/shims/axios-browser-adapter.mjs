// Stands in for axios' browser adapters (lib/adapters/xhr.js and fetch.js) in the
// extension bundle (see esbuild.mjs). axios tries its adapters in the order xhr, http,
// fetch and takes the first this platform supports: in Node (the extension host) the
// XMLHttpRequest adapter is unsupported and the http adapter comes before fetch, so
// neither is ever chosen. Both report themselves unsupported, as xhr does in Node.
export const getFetch = () => false;
export default false;
