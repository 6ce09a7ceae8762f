export { planEscalations, escalationKey, type EscalationAction } from './plan.js';
