export {
  computeMetrics,
  type Metrics,
  type HandoffMetrics,
  type StageMetrics,
  type SlaMetrics,
  type MetricsWindow,
} from './compute.js';
export {
  seamOf,
  type ExpansionMetrics,
  type MarketingToSalesMetrics,
  type ReasonCount,
  type SeamId,
  type SeamMetrics,
  type Seams,
  type SpeedToLeadMetrics,
} from './lifecycle.js';
export { median, percentile } from './stats.js';
export {
  needsAttention,
  type Attention,
  type AttentionGroup,
  type AttentionRecord,
} from './attention.js';
export {
  weekStart,
  weeklyAttainment,
  weeksOf,
  type WeekAttainment,
  type WeeklyAttainment,
} from './weekly.js';
