// Test double of lightning/graphql: the graphql wire as an LDS test adapter; gql keeps the text.
import { createLdsTestWireAdapter } from '@salesforce/wire-service-jest-util';
import { vi } from 'vitest';

export const graphql = createLdsTestWireAdapter(vi.fn());
export function gql(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ''), '');
}
