// Test double of @salesforce/apex: refreshApex refreshes LDS wires too; here a spy.
import { vi } from 'vitest';

export const refreshApex = vi.fn(() => Promise.resolve());
