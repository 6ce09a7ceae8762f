export * from './viewer.js';
export * from './handoff-state.js';
export * from './snapshot.js';
export * from './request.js';
export * from './view.js';
