// The costliest `matches` criterion a playbook may hold: the largest pattern the schema allows, on
// the longest value it is run on (longer values are not matched). One definition for the benches.
import { compilePattern, longestMatchable } from '../../shared/src/rules/pattern.js';

export const WORST_PATTERN = '[a-z]{0,490}x';
export const WORST_VALUE = 'a'.repeat(longestMatchable(compilePattern(WORST_PATTERN)));
