// Types for the platform module ids the component tests import (resolved by lwc-plugin.ts).
declare module 'lwc' {
  export * from '@lwc/engine-dom';
}
declare module 'c/*' {
  const component: unknown;
  export default component;
}
declare module 'lightning/uiRecordApi' {
  import type { Mock } from 'vitest';
  /** Emitted records reach the wires asking for their id; `configs()` lists every live wire's config. */
  export const getRecord: TestAdapter & {
    configs(): Record<string, unknown>[];
    reset(): void;
  };
  export const getRecords: TestAdapter;
  export const updateRecord: Mock;
  export const createRecord: Mock;
}
declare module 'lightning/uiRelatedListApi' {
  export const getRelatedListRecords: TestAdapter;
}
declare module 'lightning/uiObjectInfoApi' {
  export const getObjectInfo: TestAdapter;
  export const getPicklistValues: TestAdapter;
}
declare module 'lightning/graphql' {
  export const graphql: TestAdapter;
}
interface TestAdapter {
  /** To every wire of the adapter, or those whose config passes `filter`. */
  emit(value: unknown, filter?: (config: Record<string, unknown>) => boolean): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  emitError(
    error: { body?: unknown; status?: number; statusText?: string },
    filter?: (config: Record<string, unknown>) => boolean,
  ): void;
  getLastConfig(): Record<string, unknown>;
}
