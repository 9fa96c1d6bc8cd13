/**
 * Credentials the local sandbox (src/sandbox) accepts. They are public test values, printed by the
 * sandbox on start and written in the README; they open nothing but the sandbox.
 */
export const SANDBOX_CREDENTIALS = {
  clientId: 'sandbox-client',
  clientSecret: 'sandbox-secret',
  apiKey: 'sk-sandbox-demo-key',
} as const;
