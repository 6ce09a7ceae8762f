export {
  evaluateCriterion,
  evaluateRule,
  describeRequirement,
  type RuleContext,
} from './evaluate.js';
export { coerce, type Coerced } from './coerce.js';
