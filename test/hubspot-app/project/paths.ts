import { fileURLToPath } from 'node:url';

export const APP_ROOT = fileURLToPath(new URL('../../../hubspot-app/', import.meta.url));
export const SRC = `${APP_ROOT}src`;
export const CARDS = `${SRC}/app/cards`;
export const SETTINGS = `${SRC}/app/settings`;
export const PAGES = `${SRC}/app/pages`;
