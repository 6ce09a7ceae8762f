// The package's formula evaluator: one evaluator for the metadata tests and the emulator's validation rules.
export {
  evaluate,
  parseFormula,
  references,
  type Node,
  type SaveContext,
  type Value,
} from '../../salesforce-package/scripts/formula.js';
