// Test double of lightning/uiObjectInfoApi as sfdx-lwc-jest ships it: LDS test wire adapters.
import { createLdsTestWireAdapter } from '@salesforce/wire-service-jest-util';
import { vi } from 'vitest';

export const getObjectInfo = createLdsTestWireAdapter(vi.fn());
export const getObjectInfos = createLdsTestWireAdapter(vi.fn());
export const getPicklistValues = createLdsTestWireAdapter(vi.fn());
export const getPicklistValuesByRecordType = createLdsTestWireAdapter(vi.fn());
