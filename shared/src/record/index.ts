export { evaluateRecord } from './evaluate.js';
