// What both faces say and how they write times: the shared vocabulary and formatter.
export * from './format.js';
export * from './words.js';
export * from './record.js';
export * from './playbook.js';
