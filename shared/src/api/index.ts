export * from './contract.js';
export * from './queue.js';
