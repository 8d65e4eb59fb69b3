/** The typed contract between the main side and the renderer: channels and events (contract.ts), envelopes (result.ts), the router and the wire frames. */
export * from './result';
export * from './names';
export * from './contract';
export * from './router';
export * from './describe-issues';
export * from './wire';
