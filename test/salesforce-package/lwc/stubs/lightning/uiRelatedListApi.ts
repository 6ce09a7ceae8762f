// Test double of lightning/uiRelatedListApi: an LDS test wire adapter.
import { createLdsTestWireAdapter } from '@salesforce/wire-service-jest-util';
import { vi } from 'vitest';

export const getRelatedListRecords = createLdsTestWireAdapter(vi.fn());
