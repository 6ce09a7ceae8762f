// Evaluated right before the settings page's entry file (see entries/index.ts).
import { expectExtension } from '../host/session.js';

expectExtension('settings');
