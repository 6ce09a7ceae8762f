export { ManualClock, systemClock, type Clock } from './clock.js';
export { FaultSwitches, type FaultKind, type FaultSpec } from './faults.js';
export { startHarness, type Harness, type HarnessOptions, type PlatformErrors } from './http.js';
export { RequestLog, type LoggedRequest, type RequestFilter } from './request-log.js';
export {
  RouteTable,
  type EmulatorRequest,
  type EmulatorResponse,
  type Handler,
  type Route,
} from './router.js';
export { openDatabase, type Db } from './storage.js';
