// @retorquere/bibtex-parser names its types only in package.json "exports", which the "node"
// module resolution of tsconfig.json does not read: point the package at them.
declare module '@retorquere/bibtex-parser' {
  export * from '@retorquere/bibtex-parser/dist/types/index';
}
