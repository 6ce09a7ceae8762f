export {
  computeMetrics,
  type Metrics,
  type HandoffMetrics,
  type StageMetrics,
  type SlaMetrics,
  type MetricsWindow,
} from './compute.js';
export { median, percentile } from './stats.js';
