/** The typed contract between the main side and the renderer (see notes/D-protocol.md). */
export * from './result';
export * from './names';
export * from './contract';
export * from './router';
export * from './describe-issues';
export * from './wire';
