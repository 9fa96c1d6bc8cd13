export * from './tokenProvider';
